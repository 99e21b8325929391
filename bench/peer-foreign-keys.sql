-- Run by bench/run on the benchmark's own copy of a PostgreSQL demo hub (never on a hub): JupyterHub's tables as
-- copied by demo-db have no foreign keys, and PostGraphile derives its nested relations from them. NOT VALID: the
-- demo hub, like real ones, keeps spawners whose server row is gone; PostGraphile only reads the catalog. The indexes on
-- the referencing columns are the ones PostGraphile's documentation asks for; they only help the peer.
ALTER TABLE spawners ADD CONSTRAINT fk_spawners_user_id FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
ALTER TABLE spawners ADD CONSTRAINT fk_spawners_server_id FOREIGN KEY (server_id) REFERENCES servers (id) NOT VALID;
ALTER TABLE user_group_map ADD CONSTRAINT fk_user_group_map_user_id FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
ALTER TABLE user_group_map ADD CONSTRAINT fk_user_group_map_group_id FOREIGN KEY (group_id) REFERENCES groups (id) NOT VALID;
CREATE INDEX ix_spawners_user_id ON spawners (user_id);
CREATE INDEX ix_spawners_server_id ON spawners (server_id);
CREATE INDEX ix_user_group_map_group_id ON user_group_map (group_id);
ANALYZE;
