-- Spring Modulith's event publication registry (spring-modulith-events-jdbc 1.4, schema-postgresql.sql): an event
-- heard by an @ApplicationModuleListener is written here in the publisher's transaction and removed once its
-- listener has completed (spring.modulith.events.completion-mode: delete); what stays is delivered again on restart.
create table event_publication
(
  id               uuid not null,
  listener_id      text not null,
  event_type       text not null,
  serialized_event text not null,
  publication_date timestamp with time zone not null,
  completion_date  timestamp with time zone,
  primary key (id)
);
create index event_publication_serialized_event_hash_idx on event_publication using hash(serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
