-- Runs once, when the compose PostgreSQL starts on an empty data volume
-- (mounted into /docker-entrypoint-initdb.d by docker-compose.yml).
-- One database per service, all owned by the application role baokao / baokao,
-- the same names and credentials as the local stack (docs/LOCAL-STACK.md).
-- The owner of a database may create tables in its public schema (PostgreSQL 15+), which Flyway needs.

CREATE ROLE baokao WITH LOGIN PASSWORD 'baokao';

CREATE DATABASE account      OWNER baokao ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE enrollment   OWNER baokao ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE photo        OWNER baokao ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE payment      OWNER baokao ENCODING 'UTF8' TEMPLATE template0;
CREATE DATABASE notification OWNER baokao ENCODING 'UTF8' TEMPLATE template0;
-- Created last: the compose healthcheck connects to it, so "healthy" means every database exists.
CREATE DATABASE sandbox      OWNER baokao ENCODING 'UTF8' TEMPLATE template0;
