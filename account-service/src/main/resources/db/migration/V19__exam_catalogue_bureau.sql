-- OPS-3 数据导入: a roster is imported at the address of the exam's bureau only. account-service learns each exam's
-- bureau (BUR-1) from enrollment-service's ExamConfigured events with the rest of the exam it keeps; an exam
-- configured before this (null) is told by its next configuration.
alter table exam_registration_catalogue add column bureau varchar(40);
