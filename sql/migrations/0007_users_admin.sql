-- 0007_users_admin: what the users admin (src/admin/users.c) needs.
--
-- create_token: the one-time token of the form that created the user
--   (http/token.h); a resubmitted form hits the UNIQUE key and creates
--   nobody.  NULL for users made by agora-admin (NULLs never collide).
-- users_display_name: the list's filter by a prefix of the display name
--   (the username prefix has the UNIQUE key already).
-- user_roles_role: the list's filter by role, and the guard of the last
--   active admin, which locks the admins' rows (SELECT ... FOR UPDATE):
--   without it that lock would scan, and lock, every user's roles.
ALTER TABLE users
  ADD COLUMN create_token CHAR(43) CHARACTER SET ascii COLLATE ascii_bin NULL,
  ADD UNIQUE KEY users_create_token (create_token),
  ADD KEY users_display_name (display_name);

ALTER TABLE user_roles
  ADD KEY user_roles_role (role, user_id);
