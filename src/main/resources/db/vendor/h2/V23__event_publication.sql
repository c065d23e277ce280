-- Spring Modulith's event publication registry (spring-modulith-events-jdbc 1.4, schema-h2.sql): an event heard by an
-- @ApplicationModuleListener is written here in the publisher's transaction and removed once its listener has
-- completed (spring.modulith.events.completion-mode: delete); what stays is delivered again on restart.
create table event_publication
(
  id               uuid not null,
  completion_date  timestamp(9) with time zone,
  event_type       varchar(512) not null,
  listener_id      varchar(512) not null,
  publication_date timestamp(9) with time zone not null,
  serialized_event varchar(4000) not null,
  primary key (id)
);
create index event_publication_by_listener_id_and_serialized_event_idx on event_publication (listener_id, serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
