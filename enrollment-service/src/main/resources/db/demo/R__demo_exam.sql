-- The demo exam SD-ZSB-2023 is now configured by DemoExam (profile local) at every start, with windows around
-- the current day. This file stays, doing nothing, so that databases which applied it still validate.
select 1;
