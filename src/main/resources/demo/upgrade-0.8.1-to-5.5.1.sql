-- Rewrites the 0.8.1 demo hub (attached as old) as JupyterHub 5.5.1 would hold it: users.created, spawners.started
-- and user_options while running, the default roles, OAuth clients with descriptions plus the hub's own
-- `jupyterhub` client, API tokens with client_id 'jupyterhub' and scopes (every fourth expiring 300 days after it
-- was created), OAuth access tokens moved into api_tokens (expiring 14 days after their last use, as JupyterHub's
-- default cookie_max_age_days has them), and every tenth running default server shared with the next user.
INSERT INTO alembic_version (version_num) VALUES ('4621fec11365');
INSERT INTO servers (id, proto, ip, port, base_url, cookie_name)
  SELECT id, proto, ip, port, base_url, cookie_name FROM old.servers;
INSERT INTO oauth_clients (id, identifier, description, secret, redirect_uri, allowed_scopes)
  SELECT id, identifier, identifier, secret, redirect_uri, '[]' FROM old.oauth_clients;
INSERT INTO oauth_clients (id, identifier, description, secret, redirect_uri, allowed_scopes)
  SELECT COALESCE(MAX(id), 0) + 1, 'jupyterhub', 'JupyterHub', NULL, '/hub/oauth_callback', '[]' FROM old.oauth_clients;
INSERT INTO users (id, name, admin, created, last_activity, cookie_id, state, encrypted_auth_state)
  SELECT id, name, admin, COALESCE(last_activity, '2026-01-01 00:00:00.000000'), last_activity, cookie_id, state,
         encrypted_auth_state FROM old.users;
INSERT INTO groups (id, name, properties) SELECT id, name, '{}' FROM old.groups;
INSERT INTO user_group_map (user_id, group_id) SELECT user_id, group_id FROM old.user_group_map;
INSERT INTO spawners (id, user_id, server_id, state, name, started, last_activity, user_options, oauth_client_id)
  SELECT id, user_id, server_id, state, name,
         CASE WHEN server_id IS NOT NULL THEN last_activity END, last_activity,
         CASE WHEN server_id IS NOT NULL THEN '{"profile": "default"}' END, NULL FROM old.spawners;
INSERT INTO services (id, name, admin, url, oauth_client_allowed_scopes, info, display, oauth_no_confirm, command, cwd,
                      environment, user, from_config, _server_id, pid, oauth_client_id)
  SELECT id, name, admin, NULL, '[]', '{}', 1, 0, '[]', NULL, '{}', NULL, 1, _server_id, pid, NULL FROM old.services;
INSERT INTO roles (id, name, description, scopes, managed_by_auth) VALUES
  (1, 'admin', 'Elevated privileges (can do anything)', '["access:servers", "admin-ui", "admin:auth_state", "admin:groups", "admin:server_state", "admin:servers", "admin:services", "admin:users", "proxy", "read:hub", "read:roles", "shares", "tokens"]', 0),
  (2, 'user', 'Standard user privileges', '["self"]', 0),
  (3, 'server', 'Post activity only', '["access:servers!server", "users:activity!user"]', 0),
  (4, 'token', 'Token with same permissions as its owner', '["inherit"]', 0);
INSERT INTO user_role_map (user_id, role_id, managed_by_auth) SELECT id, 2, 0 FROM old.users;
INSERT INTO user_role_map (user_id, role_id, managed_by_auth) SELECT id, 1, 0 FROM old.users WHERE admin = 1;
INSERT INTO service_role_map (service_id, role_id, managed_by_auth) SELECT id, 1, 0 FROM old.services WHERE admin = 1;
INSERT INTO api_tokens (user_id, service_id, id, hashed, prefix, client_id, session_id, created, expires_at,
                        last_activity, note, scopes)
  SELECT t.user_id, t.service_id, t.id, t.hashed, t.prefix, 'jupyterhub', NULL,
         COALESCE(u.created, '2026-01-01 00:00:00.000000'),
         CASE WHEN t.id % 4 = 0
              THEN strftime('%Y-%m-%d %H:%M:%f', COALESCE(u.created, '2026-01-01 00:00:00.000000'), '+300 days') || '000'
         END,
         u.last_activity, 'Requested via api', '["inherit"]'
  FROM old.api_tokens t LEFT JOIN users u ON u.id = t.user_id;
INSERT INTO api_tokens (user_id, service_id, id, hashed, prefix, client_id, session_id, created, expires_at,
                        last_activity, note, scopes)
  SELECT o.user_id, NULL, o.id + (SELECT COALESCE(MAX(id), 0) FROM old.api_tokens), o.hashed, o.prefix, o.client_id,
         NULL, COALESCE(u.last_activity, '2026-01-01 00:00:00.000000'),
         strftime('%Y-%m-%d %H:%M:%f', COALESCE(u.last_activity, '2026-01-01 00:00:00.000000'), '+14 days') || '000',
         u.last_activity, NULL,
         json_array('access:servers!server=' || u.name || '/')
  FROM old.oauth_access_tokens o LEFT JOIN users u ON u.id = o.user_id;
INSERT INTO oauth_codes (id, client_id, code, expires_at, redirect_uri, session_id, user_id, scopes)
  SELECT id, client_id, code, expires_at, redirect_uri, NULL, user_id, '[]' FROM old.oauth_codes;
INSERT INTO shares (user_id, group_id, id, created_at, scopes, expires_at, owner_id, spawner_id)
  SELECT s.user_id + 1, NULL, s.id, COALESCE(s.last_activity, '2026-01-01 00:00:00.000000'),
         json_array('access:servers!server=' || u.name || '/'), NULL, s.user_id, s.id
  FROM old.spawners s JOIN old.users u ON u.id = s.user_id
  WHERE s.server_id IS NOT NULL AND s.name = '' AND s.id % 10 = 0 AND s.user_id + 1 IN (SELECT id FROM old.users);
