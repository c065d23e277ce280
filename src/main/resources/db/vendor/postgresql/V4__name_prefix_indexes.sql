-- PostgreSQL only: name-prefix searches (LIKE 'x%') use a b-tree only with pattern operators under a
-- non-C collation. H2 needs nothing more than the plain indexes of V2.
create index bf_household_name_prefix on bf_household (head_name varchar_pattern_ops);
create index bf_member_name_prefix on bf_member (name varchar_pattern_ops) where active;
