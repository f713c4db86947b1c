# shellcheck shell=bash
# script/lib/stack.sh - the private Agora stack: Debian packages, the build,
# a private MariaDB, the FastCGI workers (spawn-fcgi + multiwatch) and a
# private nginx.  Sourced by script/server, script/test and script/bench, and
# (through script/server) by the Perl test harness t/lib/Agora/Test.pm, so a
# developer's server and every test start the stack the same way.
#
# Settings (environment):
#   AGORA_VAR      state directory (default ./var, made absolute)
#   AGORA_PORT     nginx port on 127.0.0.1 (default 8080)
#   AGORA_BUILD    build directory (default ./build)
#   AGORA_WORKERS  number of agora.fcgi workers (default 4)
#   AGORA_FCGI_BACKLOG  the workers' socket queue (spawn-fcgi -b, default 128)
#   AGORA_TLS_PORT  also serve over TLS on this port (a self-signed
#                  certificate for 127.0.0.1; t/http/94-tls.t)
#   AGORA_WORKER_WRAPPER  a command to run each worker under (valgrind ...);
#                  AGORA_WORKER_STOP_WAIT the seconds a stop waits (2)
#   AGORA_LOGIN_RATE, AGORA_COMMENT_RATE, AGORA_POST_RATE, AGORA_SEARCH_RATE
#                  nginx's per-address rates (default: the shipped ones of
#                  nginx/agora-http.conf; the tests raise them)
#   AGORA_POST_BURST  the public POSTs' burst (default the shipped 20)
#   AGORA_DB_BUFFER_POOL  the private MariaDB's innodb_buffer_pool_size
#                  (default 64M; script/bench --scale sizes it for its data)
#   AGORA_DB_LOG_FILE  its innodb_log_file_size (default MariaDB's, 96M;
#                  script/soak makes it a production server's)
#   AGORA_DB_SLOW_LOG  a file for MariaDB's slow log of every statement with
#                  its plan (t/http/91-query-plans.t); unset: none
#   AGORA_SKIP_SETUP=1   skip apt-get and the build (the tree is already built)
#   AGORA_CONFIGURE_FLAGS  extra flags for configure (e.g. --enable-sanitizers)
#
# Layout of $AGORA_VAR:
#   mysql/            the private MariaDB data directory
#   log/              mariadb.log, agora.log, nginx-error.log, nginx-access.log
#   state/            pid files, run-dir (where the sockets are), markers, lock
#   nginx/            generated nginx.conf + agora-locations.conf, temp dirs
#   agora.conf        generated worker config (mode 0600: it holds passwords)
#   agora.conf.local  optional "key = value" lines applied over agora.conf
#   db-passwords      the generated MariaDB passwords (mode 0600)
#   admin-password    the staff user admin's password (mode 0600)
#
# Every function prints what it does on stderr prefixed with "agora:" and
# returns non-zero on failure; the callers run with `set -eu -o pipefail`.

# ---- settings --------------------------------------------------------------

# stack_init REPO: compute every path from the environment.  Relative
# AGORA_VAR / AGORA_BUILD are taken relative to the repository root, which is
# where the documented defaults (./var, ./build) live.
stack_init() {
	REPO=$(cd "$1" && pwd -P)
	AGORA_PORT=${AGORA_PORT:-8080}
	AGORA_WORKERS=${AGORA_WORKERS:-4}
	AGORA_VAR=${AGORA_VAR:-var}
	AGORA_BUILD=${AGORA_BUILD:-build}
	case $AGORA_VAR in /*) ;; *) AGORA_VAR=$REPO/$AGORA_VAR ;; esac
	case $AGORA_BUILD in /*) ;; *) AGORA_BUILD=$REPO/$AGORA_BUILD ;; esac
	export AGORA_PORT AGORA_WORKERS AGORA_VAR AGORA_BUILD

	LOGDIR=$AGORA_VAR/log
	STATE=$AGORA_VAR/state
	DATADIR=$AGORA_VAR/mysql
	NGXDIR=$AGORA_VAR/nginx
	CONF=$AGORA_VAR/agora.conf
	PWFILE=$AGORA_VAR/db-passwords
	ADMIN_PWFILE=$AGORA_VAR/admin-password
	FCGI=$AGORA_BUILD/agora.fcgi
	ADMIN=$AGORA_BUILD/agora-admin
	ME=$(id -un)
	URL=http://127.0.0.1:$AGORA_PORT
	RUN=   # set by stack_rundir
}

say() { printf 'agora: %s\n' "$*" >&2; }
die() { printf 'agora: error: %s\n' "$*" >&2; exit 1; }

# ---- Debian packages ----------------------------------------------------------

STACK_PACKAGES="build-essential autoconf automake pkg-config libfcgi-dev
spawn-fcgi multiwatch libmariadb-dev mariadb-server mariadb-client
libctemplate-dev libpcre2-dev libsodium-dev libcmark-gfm-dev
libcmark-gfm-extensions-dev libcmocka-dev libxml2-utils nginx-light curl
perl ca-certificates liboath-dev libqrencode-dev libvips-dev libmagic-dev
libimage-exiftool-perl libcurl4-openssl-dev libjs-leaflet"

# stack_packages [EXTRA...]: install whatever of STACK_PACKAGES and EXTRA is
# missing.  dpkg-query first, so a machine that has everything never touches
# the network; `apt-get update` runs once, only when something is missing.
stack_packages() {
	local p missing=
	for p in $STACK_PACKAGES "$@"; do
		if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
			missing="$missing $p"
		fi
	done
	[ -n "$missing" ] || return 0
	[ "$(id -u)" = 0 ] || die "missing Debian packages:$missing (run as root, or: sudo apt-get install$missing)"
	say "installing Debian packages:$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q
	# Installing mariadb-server or nginx may try to start their system
	# services (or be refused by policy-rc.d in a chroot); we never use them.
	# shellcheck disable=SC2086
	apt-get install -y -q --no-install-recommends $missing
}

# ---- build --------------------------------------------------------------------

# stack_build: out-of-tree build in $AGORA_BUILD.  Each step runs only when
# needed, so a second run is just an incremental `make`: autoreconf when
# configure.ac or Makefile.am changed since configure / Makefile.in were
# made; configure when the build has no config.status or Makefile yet, when
# configure.ac, Makefile.am or configure are newer than them, or when the
# configure flags differ from the ones the build was configured with
# ($AGORA_BUILD/.agora-configure-flags).  Returns non-zero at the first
# step that fails (also when the caller tests it with || or if).
stack_build() {
	[ -f "$REPO/src/http/main.c" ] || die "src/http/main.c does not exist yet: nothing to build"
	local flags="--enable-dev${AGORA_CONFIGURE_FLAGS:+ $AGORA_CONFIGURE_FLAGS}"
	local stamp=$AGORA_BUILD/.agora-configure-flags why=
	if [ ! -x "$REPO/configure" ] || [ ! -f "$REPO/Makefile.in" ] ||
	   [ "$REPO/configure.ac" -nt "$REPO/configure" ] ||
	   [ "$REPO/Makefile.am" -nt "$REPO/Makefile.in" ]; then
		say "autoreconf -fi"
		(cd "$REPO" && autoreconf -fi) || return 1
	fi
	mkdir -p "$AGORA_BUILD" || return 1
	if [ ! -f "$AGORA_BUILD/config.status" ] || [ ! -f "$AGORA_BUILD/Makefile" ]; then
		why="not configured yet"
	elif [ "$REPO/configure.ac" -nt "$AGORA_BUILD/config.status" ] ||
	     [ "$REPO/configure" -nt "$AGORA_BUILD/config.status" ] ||
	     [ "$REPO/configure.ac" -nt "$AGORA_BUILD/Makefile" ] ||
	     [ "$REPO/Makefile.am" -nt "$AGORA_BUILD/Makefile" ] ||
	     [ "$REPO/Makefile.am" -nt "$AGORA_BUILD/config.status" ]; then
		why="configure.ac or Makefile.am changed"
	elif [ "$(cat "$stamp" 2>/dev/null)" != "$flags" ]; then
		why="flags were '$(cat "$stamp" 2>/dev/null)'"
	fi
	if [ -n "$why" ]; then
		say "configure $flags in $AGORA_BUILD ($why)"
		rm -f "$stamp"
		# shellcheck disable=SC2086
		(cd "$AGORA_BUILD" && "$REPO/configure" $flags) || return 1
		printf '%s\n' "$flags" >"$stamp"
	fi
	say "make -j2 in $AGORA_BUILD"
	make -C "$AGORA_BUILD" -j2 || return 1
}

# ---- processes ------------------------------------------------------------------

# pid_of NAME: the live pid recorded in $STATE/NAME.pid, or nothing.  The
# process must still be running the expected program (/proc/PID/comm), so a
# stale pid file whose number was reused never makes us signal a stranger.
pid_of() {
	local f=$STATE/$1.pid want=$1 pid comm
	[ "$1" = multiwatch ] || [ "$1" = nginx ] || [ "$1" = mariadbd ] || return 1
	[ -s "$f" ] || return 1
	read -r pid <"$f" || return 1
	case $pid in '' | *[!0-9]*) return 1 ;; esac
	comm=$(cat "/proc/$pid/comm" 2>/dev/null) || return 1
	[ "$comm" = "$want" ] || return 1
	# An exited process nobody has reaped yet is not running.
	[ "$(proc_state "$pid")" != Z ] || return 1
	echo "$pid"
}

# proc_state PID: the state letter from /proc/PID/stat (R, S, Z, ...).
proc_state() {
	local line
	read -r line 2>/dev/null <"/proc/$1/stat" || return 0
	line=${line##*) }
	echo "${line%% *}"
}

# wait_gone PID SECONDS: wait for a process to exit; 1 if it is still there.
wait_gone() {
	local i=0 n=$(($2 * 10))
	while kill -0 "$1" 2>/dev/null; do
		# A zombie child of ours has exited for our purpose.
		[ "$(proc_state "$1")" != Z ] || return 0
		i=$((i + 1))
		[ $i -le $n ] || return 1
		sleep 0.1
	done
}

# children_of PID: the pids whose parent is PID (multiwatch's workers).
# Pure bash over /proc/*/stat: the ppid is the 2nd field after "(comm) ".
children_of() {
	local parent=$1 s line rest ppid
	for s in /proc/[0-9]*/stat; do
		read -r line 2>/dev/null <"$s" || continue
		rest=${line##*) }
		read -r _ ppid _ <<<"$rest"
		if [ "$ppid" = "$parent" ]; then
			s=${s#/proc/}
			echo "${s%/stat}"
		fi
	done
}

# stop_pid NAME PID SIGNAL SECONDS: signal, wait, and SIGKILL as last resort.
stop_pid() {
	local name=$1 pid=$2 sig=$3 secs=$4
	say "stopping $name (pid $pid)"
	kill "-$sig" "$pid" 2>/dev/null || return 0
	if ! wait_gone "$pid" "$secs"; then
		say "$name (pid $pid) did not exit within ${secs}s: SIGKILL"
		kill -KILL "$pid" 2>/dev/null || true
		wait_gone "$pid" 5 || true
	fi
}

# ---- directories ------------------------------------------------------------------

# stack_rundir: choose where the unix sockets live.  A socket path must fit
# in sun_path (107 bytes + NUL), so a deep $AGORA_VAR gets a short directory
# under /tmp named by a hash of $AGORA_VAR.  The choice is kept in
# $STATE/run-dir so stop and status find the same place.
stack_rundir() {
	if [ -s "$STATE/run-dir" ]; then
		RUN=$(cat "$STATE/run-dir")
	else
		RUN=$AGORA_VAR/run
		# "/mysqld.sock" is the longest name we put there (12 bytes).
		if [ $((${#RUN} + 12)) -ge 100 ]; then
			RUN=/tmp/agora-$(printf '%s' "$AGORA_VAR" | sha256sum | cut -c1-12)
		fi
		printf '%s\n' "$RUN" >"$STATE/run-dir"
	fi
	if [ ! -d "$RUN" ]; then
		mkdir -m 0700 "$RUN"
	fi
	# A directory in /tmp could have been planted by someone else.
	if [ -L "$RUN" ] || [ ! -O "$RUN" ]; then
		die "$RUN is not a directory owned by $ME"
	fi
	DB_SOCK=$RUN/mysqld.sock
	FCGI_SOCK=$RUN/agora.sock
}

stack_dirs() {
	mkdir -p "$AGORA_VAR" "$LOGDIR" "$STATE" "$NGXDIR/tmp"
	chmod 0700 "$STATE"
	stack_rundir
}

# ---- MariaDB ------------------------------------------------------------------------

# The client as the database's root (unix_socket authentication as the OS
# user that installed the datadir); --no-defaults so no ~/.my.cnf interferes.
db_root() {
	mariadb --no-defaults --socket="$DB_SOCK" --user="$ME" \
		--default-character-set=utf8mb4 "$@"
}

db_alive() { db_root --connect-timeout=2 -e 'select 1' >/dev/null 2>&1; }

# stack_db_start: initialise the datadir on the first start, start mariadbd
# in its own session, and poll with a query until it answers.
stack_db_start() {
	local pid i
	if pid=$(pid_of mariadbd); then
		say "mariadb already running (pid $pid)"
		return 0
	fi
	if [ ! -d "$DATADIR/mysql" ]; then
		say "initialising the private MariaDB in $DATADIR"
		rm -rf "$DATADIR"
		mkdir -p "$DATADIR"
		# --auth-root-authentication-method=socket: root (and $ME) log in
		# over the socket by OS identity, so no root password exists at all.
		# --skip-name-resolve --force: on a fresh machine neither the
		# hostname nor even "localhost" may resolve (a minimal Debian has
		# no /etc/hosts), and mariadb-install-db then refuses to run.  We
		# only ever use the unix socket.
		# --tmpdir: our own.  A starting mariadbd deletes the #sql
		# temporary files it finds in its tmpdir, so with a shared /tmp one
		# instance starting removed another's bootstrap tables ("Unknown
		# table 'mysql.tmp_user_sys'": the tests run several stacks).
		mkdir -p "$DATADIR.tmp"
		mariadb-install-db --no-defaults --user="$ME" --datadir="$DATADIR" \
			--tmpdir="$DATADIR.tmp" \
			--auth-root-authentication-method=socket --skip-test-db \
			--skip-name-resolve --force \
			>>"$LOGDIR/mariadb-install.log" 2>&1 9>&- ||
			{ grep -E 'ERROR|\[ERROR\]' "$LOGDIR/mariadb-install.log" | tail -n 5 >&2
			  die "mariadb-install-db failed (log: $LOGDIR/mariadb-install.log)"; }
	fi
	rm -f "$DB_SOCK"
	mkdir -p "$DATADIR.tmp"
	say "starting mariadbd"
	# --no-defaults must come first.  --skip-networking: the socket only.
	# Without a config file the server would default to latin1.  A
	# full-text token of 2 characters so short Greek words are found.  A
	# packet room for an uploaded file in one statement (media, 32 MiB).
	# AGORA_DB_SLOW_LOG=FILE (t/http/91-query-plans.t): every statement
	# logged to FILE with its plan and the rows it examined.
	local slow=()
	[ -z "${AGORA_DB_SLOW_LOG:-}" ] || slow=(--slow-query-log --long-query-time=0
		--log-slow-verbosity=query_plan,explain --slow-query-log-file="$AGORA_DB_SLOW_LOG")
	setsid mariadbd --no-defaults --user="$ME" --datadir="$DATADIR" "${slow[@]}" \
		--tmpdir="$DATADIR.tmp" --socket="$DB_SOCK" --skip-networking --skip-name-resolve \
		--pid-file="$STATE/mariadbd.pid" --log-error="$LOGDIR/mariadb.log" \
		--character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
		--innodb-ft-min-token-size=2 --ft-min-word-len=2 \
		--innodb-buffer-pool-size="${AGORA_DB_BUFFER_POOL:-64M}" --max-allowed-packet=64M \
		${AGORA_DB_LOG_FILE:+--innodb-log-file-size="$AGORA_DB_LOG_FILE"} \
		</dev/null >>"$LOGDIR/mariadb.log" 2>&1 9>&- &
	pid=$!
	for i in $(seq 1 600); do
		db_alive && break
		if ! kill -0 "$pid" 2>/dev/null; then
			tail -n 20 "$LOGDIR/mariadb.log" >&2
			die "mariadbd exited during start (log: $LOGDIR/mariadb.log)"
		fi
		sleep 0.1
	done
	db_alive || die "mariadbd did not answer within 60s (log: $LOGDIR/mariadb.log)"
	# mariadbd writes its pid file itself; ours is the same process.
	[ -s "$STATE/mariadbd.pid" ] || echo "$pid" >"$STATE/mariadbd.pid"
}

stack_db_stop() {
	local pid
	if pid=$(pid_of mariadbd); then
		# TERM is MariaDB's clean shutdown; a big buffer pool may take a while.
		stop_pid mariadbd "$pid" TERM 60
	fi
	rm -f "$STATE/mariadbd.pid"
}

# gen_password: 32 random letters and digits from /dev/urandom.
gen_password() { head -c 24 /dev/urandom | base64 | tr -d '+/=\n'; }

# stack_db_setup: database, accounts and grants.  Idempotent, run on every
# start: it repairs grants and keeps the passwords in step with db-passwords.
stack_db_setup() {
	local h
	if [ ! -s "$PWFILE" ]; then
		(umask 077 && printf 'DB_PASSWORD=%s\nADMIN_DB_PASSWORD=%s\n' \
			"$(gen_password)" "$(gen_password)" >"$PWFILE")
	fi
	chmod 0600 "$PWFILE"
	# shellcheck disable=SC1090
	. "$PWFILE"
	# mariadb-install-db may create anonymous accounts (''@localhost,
	# ''@hostname) that would shadow agora@localhost: drop every one.
	for h in $(db_root -N -B -e "select host from mysql.user where user=''"); do
		db_root -e "drop user ''@'$h'"
	done
	# The zone the workers set for their sessions (agora.conf timezone):
	# MariaDB's zone tables start empty; load the one zone (fast).
	if [ "$(db_root -N -B -e "select count(*) from mysql.time_zone_name where name='Europe/Athens'")" = 0 ]; then
		mariadb-tzinfo-to-sql /usr/share/zoneinfo/Europe/Athens Europe/Athens 2>/dev/null |
			db_root mysql
	fi
	db_root <<-SQL
		CREATE DATABASE IF NOT EXISTS agora
		  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
		CREATE USER IF NOT EXISTS 'agora'@'localhost';
		ALTER USER 'agora'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
		-- Table by table, after the migrations (agora-admin grants): the
		-- audit log is append-only for the workers.  Older stacks had a
		-- grant on agora.*; that one goes.
		REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'agora'@'localhost';
		CREATE USER IF NOT EXISTS 'agora_admin'@'localhost';
		ALTER USER 'agora_admin'@'localhost' IDENTIFIED BY '$ADMIN_DB_PASSWORD';
		GRANT ALL ON agora.* TO 'agora_admin'@'localhost';
	SQL
}

# ---- the worker configuration --------------------------------------------------------

# stack_conf: write $AGORA_VAR/agora.conf from src/agora.conf.in with this
# instance's paths and accounts, then the lines of agora.conf.local (tests
# use it for limits and test_routes).  Rewritten on every start so changes to
# agora.conf.in reach the private instance; local changes go in .local.
stack_conf() {
	local set=$STATE/conf-settings
	# shellcheck disable=SC1090
	. "$PWFILE"
	if [ -z "${FORM_SECRET:-}" ]; then
		FORM_SECRET=$(gen_password)$(gen_password)
		echo "FORM_SECRET=$FORM_SECRET" >>"$PWFILE"
	fi
	{
		printf 'form_secret = %s\n' "$FORM_SECRET"
		printf 'views_dir = %s\n' "$REPO/views"
		printf 'sql_dir = %s\n' "$REPO/sql"
		printf 'db_host =\n'
		printf 'db_socket = %s\n' "$DB_SOCK"
		printf 'db_name = agora\n'
		printf 'db_user = agora\n'
		printf 'db_password = %s\n' "$DB_PASSWORD"
		printf 'admin_db_user = agora_admin\n'
		printf 'admin_db_password = %s\n' "$ADMIN_DB_PASSWORD"
		printf 'site_url = %s\n' "$URL"
		# Plain HTTP on 127.0.0.1: a "__Host-"/Secure cookie would never
		# come back (a production site serves HTTPS and keeps the default).
		printf 'cookie_secure = 0\n'
		[ ! -f "$AGORA_VAR/agora.conf.local" ] || cat "$AGORA_VAR/agora.conf.local"
	} >"$set"
	# Replace each key's line in place (so its comment stays above it);
	# keys the template lacks are appended at the end.  Later settings win.
	(umask 077 && sed -e "s|@pkgdatadir@|$REPO|g" "$REPO/src/agora.conf.in" |
		awk '
		function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }
		FNR == NR {
			if ($0 ~ /^[ \t]*(#|$)/ || index($0, "=") == 0) next
			k = trim(substr($0, 1, index($0, "=") - 1))
			if (!(k in val)) order[++n] = k
			val[k] = trim(substr($0, index($0, "=") + 1))
			next
		}
		$0 !~ /^[ \t]*#/ && index($0, "=") > 0 {
			k = trim(substr($0, 1, index($0, "=") - 1))
			if (k in val) {
				print (val[k] == "" ? k " =" : k " = " val[k])
				done[k] = 1
				next
			}
		}
		{ print }
		END {
			hdr = 0
			for (i = 1; i <= n; i++) {
				k = order[i]
				if (k in done) continue
				if (!hdr++) print "\n# ---- set by script/server (agora.conf.local) ----"
				print (val[k] == "" ? k " =" : k " = " val[k])
			}
		}' "$set" - >"$CONF.new")
	mv "$CONF.new" "$CONF"
	chmod 0600 "$CONF"
	rm -f "$set"
}

# ---- application data --------------------------------------------------------------------

# stack_app_data: migrations on every start (agora-admin skips applied ones),
# the workers' grants for the tables they made, the demo content once, and
# the staff user admin.
stack_app_data() {
	say "agora-admin migrate"
	"$ADMIN" -c "$CONF" migrate 9>&-
	"$ADMIN" -c "$CONF" grants 9>&- | db_root agora
	if [ ! -f "$STATE/demo-loaded" ]; then
		say "agora-admin demo"
		"$ADMIN" -c "$CONF" demo 9>&-
		touch "$STATE/demo-loaded"
	fi
	# Creates the password file (0600) when it is missing; a no-op when the
	# user exists.
	"$ADMIN" -c "$CONF" user add admin --role admin --name "Διαχειριστής" \
		--password-file "$ADMIN_PWFILE" 9>&-
	[ ! -f "$ADMIN_PWFILE" ] || chmod 0600 "$ADMIN_PWFILE"
}

# ---- workers ---------------------------------------------------------------------

stack_workers_start() {
	local pid
	if pid=$(pid_of multiwatch); then
		say "workers already running (multiwatch pid $pid)"
		return 0
	fi
	rm -f "$FCGI_SOCK"
	say "starting $AGORA_WORKERS workers on $FCGI_SOCK"
	# spawn-fcgi -n binds the socket and execs multiwatch in place (no fork),
	# so $! is multiwatch's pid; multiwatch forks the workers and restarts
	# any that die.  setsid: a Ctrl-C or hang-up in this terminal must not
	# reach them (multiwatch treats HUP as "shut down").
	# The socket (mode 0600) belongs to us, and our nginx's workers run as
	# us too (as root: "user root;", see stack_nginx_conf), so no -U: and
	# spawn-fcgi refuses "-U root" anyway ("I will not set uid to 0").
	# -b: the socket's queue of connections no worker has taken yet
	# (AGORA_FCGI_BACKLOG, 128).  When it is full nginx's connect() fails
	# at once and the visitor gets the calm 503 page (nginx/agora-
	# locations.conf) instead of waiting in a queue of spawn-fcgi's
	# default 1024 - seconds of work for 4 workers on a slow page.
	# AGORA_WORKER_WRAPPER (script/test --valgrind): a command the workers
	# run under, e.g. valgrind with its options (split on spaces).
	# shellcheck disable=SC2086
	setsid spawn-fcgi -s "$FCGI_SOCK" -M 0600 -b "${AGORA_FCGI_BACKLOG:-128}" -n -- \
		/usr/bin/multiwatch -f "$AGORA_WORKERS" -- ${AGORA_WORKER_WRAPPER:-} "$FCGI" -c "$CONF" \
		</dev/null >>"$LOGDIR/agora.log" 2>&1 9>&- &
	pid=$!
	echo "$pid" >"$STATE/multiwatch.pid"
	# Give spawn-fcgi a moment to exec; fail early if the socket was refused.
	local i
	for i in $(seq 1 50); do
		[ "$(cat "/proc/$pid/comm" 2>/dev/null)" = multiwatch ] && [ -S "$FCGI_SOCK" ] && return 0
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	tail -n 20 "$LOGDIR/agora.log" >&2
	die "spawn-fcgi/multiwatch did not start (log: $LOGDIR/agora.log)"
}

stack_workers_stop() {
	local pid kids k
	if pid=$(pid_of multiwatch); then
		kids=$(children_of "$pid")
		say "stopping workers (multiwatch pid $pid; workers: ${kids//$'\n'/ })"
		# multiwatch passes a first TERM on to its workers as USR1 (its
		# "graceful" signal) and a second one as TERM; it exits when all
		# workers have.  A worker idle in accept() may only notice on its
		# next request, so the last resort is SIGKILL for the workers.
		# (AGORA_WORKER_STOP_WAIT, 2 s each time: longer under valgrind,
		# whose leak check runs when a worker exits.)
		local w=${AGORA_WORKER_STOP_WAIT:-2}
		kill -TERM "$pid" 2>/dev/null || true
		if ! wait_gone "$pid" "$w"; then
			kill -TERM "$pid" 2>/dev/null || true
			if ! wait_gone "$pid" "$w"; then
				say "workers did not exit: SIGKILL"
				for k in $(children_of "$pid"); do
					kill -KILL "$k" 2>/dev/null || true
				done
				wait_gone "$pid" 3 || kill -KILL "$pid" 2>/dev/null || true
			fi
		fi
	fi
	rm -f "$STATE/multiwatch.pid" "$FCGI_SOCK"
}

# ---- nginx --------------------------------------------------------------------------

# stack_nginx_conf: the private nginx.conf.  Its server block includes a copy
# of the shipped nginx/agora-locations.conf with only the install paths
# replaced, so the private server runs the file sysadmins use; the copy
# includes the shipped nginx/agora-security-headers.conf itself (it names
# no path to replace).  The server is the only one on its port, so also the
# default server that answers nginx's early errors (a bad request line, a
# bad Host) with the same security headers.
stack_nginx_conf() {
	local user_line="" mime=/etc/nginx/mime.types
	# AGORA_POST_BURST: nginx counts every request of one event-loop pass
	# as arriving in the same millisecond, so 200 forms posted at once
	# overflow a burst of 20 at any rate; the tests raise it (Agora::Test).
	sed -e "s|/usr/local/share/agora/|$REPO/|g" \
		-e "s|unix:/run/agora/agora.sock|unix:$FCGI_SOCK|g" \
		-e "s|zone=agora_post burst=20 |zone=agora_post burst=${AGORA_POST_BURST:-20} |" \
		"$REPO/nginx/agora-locations.conf" >"$NGXDIR/agora-locations.conf"
	# The tests sign in dozens of times a minute from one address: they
	# raise the sign-in rate (Agora::Test) except where they test it.
	mkdir -p "$NGXDIR/cache"
	sed -e "s|rate=10r/m;|rate=${AGORA_LOGIN_RATE:-10r/m};|" \
		-e "s|zone=agora_comments:10m rate=6r/m;|zone=agora_comments:10m rate=${AGORA_COMMENT_RATE:-6r/m};|" \
		-e "s|zone=agora_post:10m rate=30r/m;|zone=agora_post:10m rate=${AGORA_POST_RATE:-30r/m};|" \
		-e "s|zone=agora_search:10m rate=5r/s;|zone=agora_search:10m rate=${AGORA_SEARCH_RATE:-5r/s};|" \
		-e "s|/var/cache/nginx/agora|$NGXDIR/cache/agora|" \
		"$REPO/nginx/agora-http.conf" >"$NGXDIR/agora-http.conf"
	if [ "$(id -u)" = 0 ]; then
		# nginx started as root runs its workers as "nobody" by default,
		# which cannot read a checkout under /root nor connect to the 0600
		# socket.  This nginx listens on 127.0.0.1 only and serves the
		# developer's own tree, so running its workers as root is the
		# simplest correct choice.  Production uses www-data (see
		# nginx/agora.conf and README).
		user_line="user root;"
	fi
	mkdir -p "$AGORA_VAR/bench"
	# AGORA_TLS_PORT: a second server on that port over TLS, with a
	# self-signed certificate for 127.0.0.1 made here, the TLS settings of
	# README's "HTTPS" (Mozilla's intermediate profile, without stapling
	# and dhparam, which a self-signed test certificate cannot use) and the
	# same locations (t/http/94-tls.t).
	local tls_server=""
	if [ -n "${AGORA_TLS_PORT:-}" ]; then
		if [ ! -s "$NGXDIR/tls.key" ]; then
			openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 7 \
				-subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
				-keyout "$NGXDIR/tls.key" -out "$NGXDIR/tls.crt" 2>/dev/null ||
				die "openssl could not make a test certificate"
		fi
		tls_server="server {
		        listen 127.0.0.1:$AGORA_TLS_PORT ssl;
		        server_name 127.0.0.1 localhost;
		        client_header_timeout 10s;
		        ssl_certificate $NGXDIR/tls.crt;
		        ssl_certificate_key $NGXDIR/tls.key;
		        ssl_session_timeout 1d;
		        ssl_session_cache shared:MozSSL:10m;
		        ssl_session_tickets off;
		        ssl_protocols TLSv1.2 TLSv1.3;
		        ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305;
		        ssl_prefer_server_ciphers off;
		        include $NGXDIR/agora-locations.conf;
		    }"
	fi
	cat >"$NGXDIR/nginx.conf" <<-EOF
		# Generated by script/server on every start; edit script/lib/stack.sh.
		$user_line
		worker_processes 2;
		pid $STATE/nginx.pid;
		error_log $LOGDIR/nginx-error.log warn;
		events { worker_connections 1024; }
		http {
		    include $mime;
		    default_type application/octet-stream;
		    access_log $LOGDIR/nginx-access.log;
		    # Temp files under \$AGORA_VAR, never /var/lib/nginx.
		    client_body_temp_path $NGXDIR/tmp/body;
		    fastcgi_temp_path $NGXDIR/tmp/fastcgi;
		    proxy_temp_path $NGXDIR/tmp/proxy;
		    uwsgi_temp_path $NGXDIR/tmp/uwsgi;
		    scgi_temp_path $NGXDIR/tmp/scgi;
		    # No tcp_nopush: it adds ~40 ms tails to large responses.
		    sendfile on;
		    keepalive_timeout 65s;
		    server_tokens off;
		    # The rate-limit zones agora-locations.conf uses (the shipped
		    # agora-http.conf; the sign-in rate from AGORA_LOGIN_RATE, the
		    # comments' from AGORA_COMMENT_RATE, the other public forms'
		    # from AGORA_POST_RATE, searches' from AGORA_SEARCH_RATE).
		    include $NGXDIR/agora-http.conf;
		    server {
		        listen 127.0.0.1:$AGORA_PORT;
		        server_name 127.0.0.1 localhost;
		        client_header_timeout 10s;
		        include $NGXDIR/agora-locations.conf;
		        # Private only: script/bench's static copy of pages, and
		        # its bare libfcgi responder (agora-bench-fcgi, started by
		        # script/bench on its own socket): the transport's limit.
		        location /bench/ {
		            alias $AGORA_VAR/bench/;
		        }
		        location /bench-fcgi/ {
		            fastcgi_pass unix:$RUN/bench-fcgi.sock;
		            include $REPO/nginx/agora-fastcgi.conf;
		        }
		    }
		    $tls_server
		}
	EOF
}

stack_nginx_start() {
	local pid
	if pid=$(pid_of nginx); then
		say "nginx already running (pid $pid)"
		return 0
	fi
	stack_nginx_conf
	# -e: the error log used before the config is read (else /var/log/nginx).
	nginx -p "$NGXDIR/" -c "$NGXDIR/nginx.conf" -e "$LOGDIR/nginx-error.log" -t -q \
		</dev/null 2>>"$LOGDIR/nginx-error.log" 9>&- ||
		{ tail -n 5 "$LOGDIR/nginx-error.log" >&2; die "nginx -t failed on $NGXDIR/nginx.conf"; }
	say "starting nginx on 127.0.0.1:$AGORA_PORT"
	# nginx daemonises itself and writes the pid file named in the config.
	nginx -p "$NGXDIR/" -c "$NGXDIR/nginx.conf" -e "$LOGDIR/nginx-error.log" \
		</dev/null >>"$LOGDIR/nginx-error.log" 2>&1 9>&- ||
		{ tail -n 5 "$LOGDIR/nginx-error.log" >&2; die "nginx did not start"; }
	local i
	echo "$AGORA_PORT" >"$STATE/port"
	for i in $(seq 1 50); do
		pid_of nginx >/dev/null && return 0
		sleep 0.1
	done
	die "nginx did not write $STATE/nginx.pid"
}

stack_nginx_stop() {
	local pid
	if pid=$(pid_of nginx); then
		# TERM: fast shutdown; QUIT would wait for open keep-alive clients.
		stop_pid nginx "$pid" TERM 10
	fi
	rm -f "$STATE/nginx.pid"
}

# ---- the whole stack ----------------------------------------------------------------

# stack_wait_healthy: /healthz must answer 200 within ~30 s.
stack_wait_healthy() {
	local i code
	for i in $(seq 1 120); do
		code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$URL/healthz" || true)
		[ "$code" = 200 ] && return 0
		sleep 0.25
	done
	say "/healthz answers $code, not 200; last lines of the logs:"
	tail -n 15 "$LOGDIR/agora.log" "$LOGDIR/nginx-error.log" >&2 || true
	return 1
}

# stack_use_running_port: a running nginx keeps the port it was started on;
# status, bench and a second start use that one rather than $AGORA_PORT.
stack_use_running_port() {
	if pid_of nginx >/dev/null && [ -s "$STATE/port" ]; then
		AGORA_PORT=$(cat "$STATE/port")
		URL=http://127.0.0.1:$AGORA_PORT
	fi
}

stack_lock() {
	exec 9>"$STATE/lock"
	flock -w 120 9 || die "another script/server holds $STATE/lock"
}

# stack_start: everything after packages and build.
stack_start() {
	if [ ! -x "$FCGI" ] || [ ! -x "$ADMIN" ]; then
		die "$FCGI or $ADMIN missing: build first (script/server without AGORA_SKIP_SETUP)"
	fi
	[ -f "$REPO/nginx/agora-locations.conf" ] || die "nginx/agora-locations.conf missing"
	stack_dirs
	stack_lock
	stack_use_running_port
	stack_db_start
	stack_db_setup
	stack_conf
	stack_app_data
	stack_workers_start
	stack_nginx_start
	stack_wait_healthy || die "the stack started but /healthz is not 200 (logs in $LOGDIR)"
}

# stack_stop: exactly what stack_start started, front to back.
stack_stop() {
	[ -d "$STATE" ] || { say "nothing to stop ($STATE does not exist)"; return 0; }
	stack_rundir
	stack_lock
	stack_nginx_stop
	stack_workers_stop
	stack_db_stop
}

# stack_status: one line per service; 0 when all three run, 3 otherwise.
stack_status() {
	local name pid rc=0
	stack_use_running_port
	for name in mariadbd multiwatch nginx; do
		if pid=$(pid_of "$name"); then
			case $name in
			multiwatch) printf '%-10s running (pid %s, workers: %s)\n' workers "$pid" \
				"$(children_of "$pid" | tr '\n' ' ' | sed 's/ $//')" ;;
			*) printf '%-10s running (pid %s)\n' "$name" "$pid" ;;
			esac
		else
			printf '%-10s stopped\n' "$([ "$name" = multiwatch ] && echo workers || echo "$name")"
			rc=3
		fi
	done
	if [ $rc = 0 ]; then
		printf '%-10s %s\n' healthz "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$URL/healthz" || true)"
	fi
	return $rc
}
