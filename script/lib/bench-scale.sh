# shellcheck shell=bash
# script/lib/bench-scale.sh - script/bench --scale: the same pages at 1 k
# rows and at a real municipality's size, in one run.  Sourced by
# script/bench after stack_init, with AGORA_VAR, AGORA_PORT and
# AGORA_DB_BUFFER_POOL already pointing at the scale stack (its own
# MariaDB, workers and nginx: never the developer's database).
#
# Stage "1k": the demo grown to 1 000 synthetic news items, 1 200
# requests, 1 000 comments and 1 000 support cases (script/lib/scale.sql).
# Stage "full": 1 000 000 news items, 300 000 requests with their
# histories, 1 000 000 comments, 100 000 cases (BENCH_SCALE_NEWS and the
# others below change the sizes).  At each stage wrk measures, with a
# staff cookie that is no session on the public pages so nginx's
# micro-cache is bypassed, and with a query parameter of its own on every
# request (BENCH_UNIQUE) so no worker's copy answers either: the workers
# make every answer: the home
# page, the first and the deepest keyset page of /news (the 500th, or the
# last at 1 k), an article not in any cache (a random one of the
# synthetic items on every request), an article with 2000 comments, a
# request's tracking page, the public list filtered by area, the staff
# queue filtered by department and overdue and the statistics page (as a
# dispatcher), the Open311 list, a news file of the sitemap and four
# searches: λιμάνι (in a sixth of the items), δήμος (in all), λιμάνι
# συγκοινωνία (two common words) and Πλωμαρίου οδοποιία (no item has both).
# It prints each page's requests/s and p99 at both stages and the cost
# ratio (1 k's requests/s over full's: 1.00 is flat).

scale_db() { db_root agora "$@"; }
declare -A scale_path stats_cold open311_rows
scale_pages=()

# scale_load NEWS REQUEST_COPIES COMMENTS CASES: grow the tables to these
# totals (the procedures add only what is missing), then refresh the
# optimizer's statistics.
scale_load() {
	local t0=$SECONDS
	say "loading: $1 news items, $((300 * ($2 + 1))) requests, $3 comments, $4 cases"
	scale_db <"$here/lib/scale.sql"
	scale_db -e "CALL agora_scale_news($1); CALL agora_scale_requests($2);
		CALL agora_scale_comments($3); CALL agora_scale_help($4);
		ANALYZE TABLE news, news_tags, requests, request_events, comments, help_cases;" >/dev/null
	say "loaded in $((SECONDS - t0)) s"
	# Rows written with SQL: the search index is rebuilt, as after any
	# such load (the staff forms index what they save).
	t0=$SECONDS
	"$ADMIN" -c "$CONF" search reindex 9>&- | tail -n 3 >&2
	scale_db -e "ANALYZE TABLE search_terms" >/dev/null
	say "search index rebuilt in $((SECONDS - t0)) s"
}

# scale_staff_cookie: sign in as the dispatcher "bench-dispatcher" (made
# once) with curl, as a browser does; prints the session cookie's value.
scale_staff_cookie() {
	local jar=$AGORA_VAR/bench/staff.jar pwfile=$AGORA_VAR/bench/staff.pw page hidden code
	if [ ! -s "$pwfile" ]; then
		printf %s "$(head -c 18 /dev/urandom | base64 | tr -d '/+=')" >"$pwfile"
		"$ADMIN" -c "$CONF" user add bench-dispatcher --role dispatcher \
			--password-file "$pwfile" >/dev/null 9>&-
	fi
	rm -f "$jar"
	page=$(curl -fsS -c "$jar" "$URL/admin/login")
	hidden=()
	while IFS= read -r kv; do hidden+=(--data-urlencode "$kv"); done < <(
		grep -o '<input type="hidden" name="[^"]*" value="[^"]*"' <<<"$page" |
			sed 's/.*name="\([^"]*\)" value="\([^"]*\)"/\1=\2/')
	code=$(curl -sS -b "$jar" -c "$jar" -o /dev/null -w '%{http_code}' "${hidden[@]}" \
		--data-urlencode "username=bench-dispatcher" --data-urlencode "password@$pwfile" \
		"$URL/admin/login")
	[ "$code" = 303 ] || die "the dispatcher's sign-in answered $code, not 303"
	awk '$6 == "agora" { print $7 }' "$jar"
}

# scale_deep_page N: the URL of the Nth keyset page of /news (or the last
# one, if there are fewer), following the "older" links as a reader does.
scale_deep_page() {
	local path=/news next i
	for ((i = 1; i < $1; i++)); do
		next=$(curl -fsS "$URL$path" | grep -o 'href="/news?before=[^"]*"' | head -n 1 |
			sed 's/^href="//; s/"$//; s/&amp;/\&/g') || true
		[ -n "$next" ] || break
		path=$next
	done
	echo "$path"
}

# scale_stage NAME: measure every page; results in rps[NAME:page], p99[...].
scale_stage() {
	local stage=$1 staff deep rq art cm area=1 dept=4 p
	staff=$(scale_staff_cookie)
	deep=$(scale_deep_page 500)
	rq=$(scale_db -N -e 'SELECT code FROM requests ORDER BY id DESC LIMIT 1')
	# The article with 2000 comments: the newest synthetic item.
	cm=$(scale_db -N -e 'SELECT id FROM news WHERE id > 100000 AND status = "published" ORDER BY id DESC LIMIT 1')
	scale_db -e "DELETE FROM comments WHERE news_id = $cm;
		INSERT INTO comments (news_id, status, author_name, body, lang, body_hash, created_at, published_at, digested)
		SELECT $cm, 'approved', CONCAT('Αναγνώστης ', seq), CONCAT('Σχόλιο ', seq, ': η γειτονιά μας χρειάζεται φως.'),
		  'el', UNHEX(SHA2(CONCAT('scale-2000-', seq), 256)), NOW() - INTERVAL (2001 - seq) MINUTE,
		  NOW() - INTERVAL (2001 - seq) MINUTE, 1 FROM seq_1_to_2000;
		UPDATE news SET comment_count = 2000, comments_closed = 0, updated_at = updated_at WHERE id = $cm"
	art="/news/$cm-synthetiki-eidisi-$((cm - 100000))"
	sleep 6 # the workers' 5-second caches of what changed
	# The statistics are kept (stats_refresh): computed once at this size,
	# timed here; wrk then measures the views that read them.
	scale_db -e "DELETE FROM stats_snapshots"
	stats_cold[$stage]=$(curl -s -o /dev/null -w '%{time_total}' -H "Cookie: agora=$staff" "$URL/admin/stats")
	# The Open311 list's answer grows with the requests in its window (the
	# spec's default page is 1 000): its size at this stage.
	open311_rows[$stage]=$(curl -fsS "$URL/open311/v2/requests.json" | grep -o '"service_request_id"' | wc -l)
	local anon=(-H 'Cookie: agora=bench-uncached') as_staff=(-H "Cookie: agora=$staff")
	local max
	max=$(scale_db -N -e 'SELECT MAX(id) FROM news')
	scale_pages=(home list-first list-deep article-random article-2000 tracking requests-area
		staff-queue staff-stats open311 sitemap-news search search-all search-two search-rare)
	scale_path=([home]=/ [list-first]=/news [list-deep]="$deep" [article-random]="/news/{random}"
		[article-2000]="$art" [tracking]="/requests/$rq" [requests-area]="/requests?area=$area"
		[staff-queue]="/admin/requests?department=$dept&overdue=1" [staff-stats]=/admin/stats
		[open311]=/open311/v2/requests.json [sitemap-news]=/sitemap-news-0.xml
		[search]='/search?q=%CE%BB%CE%B9%CE%BC%CE%AC%CE%BD%CE%B9'
		[search-all]='/search?q=%CE%B4%CE%AE%CE%BC%CE%BF%CF%82'
		[search-two]='/search?q=%CE%BB%CE%B9%CE%BC%CE%AC%CE%BD%CE%B9%20%CF%83%CF%85%CE%B3%CE%BA%CE%BF%CE%B9%CE%BD%CF%89%CE%BD%CE%AF%CE%B1'
		[search-rare]='/search?q=%CE%A0%CE%BB%CF%89%CE%BC%CE%B1%CF%81%CE%AF%CE%BF%CF%85%20%CE%BF%CE%B4%CE%BF%CF%80%CE%BF%CE%B9%CE%AF%CE%B1')
	for p in "${scale_pages[@]}"; do
		local path=${scale_path[$p]} who=("${anon[@]}")
		case $p in staff-*) who=("${as_staff[@]}") ;; esac
		local one=$((max - 1))
		[ $(((one - 100000) % 50)) != 0 ] || one=$((one - 1))
		code=$(curl -s -o /dev/null -w '%{http_code}' "${who[@]}" \
			"$URL${path/\{random\}/$one-synthetiki-eidisi-$((one - 100000))}")
		[ "$code" = 200 ] || die "$stage: $p ($path) answers $code, not 200"
		if [ "$p" = article-random ]; then
			BENCH_RANDOM_FROM=100001 BENCH_RANDOM_TO=$max measure "$stage:$p" /news "${who[@]}"
		else
			# A URL of its own each time: no worker's copy answers.
			BENCH_UNIQUE=1 measure "$stage:$p" "$path" "${who[@]}"
		fi
	done
}

scale_main() {
	local news=${BENCH_SCALE_NEWS:-1000000} copies=${BENCH_SCALE_REQUEST_COPIES:-999}
	local comments=${BENCH_SCALE_COMMENTS:-1000000} cases=${BENCH_SCALE_CASES:-100000}
	echo "scale stack: $AGORA_VAR, port $AGORA_PORT, buffer pool $AGORA_DB_BUFFER_POOL;" \
		"wrk -t$threads -c$conns -d$dur, $AGORA_WORKERS workers ($(nproc) CPUs)" >&2
	scale_load 1000 3 1000 1000
	scale_stage 1k
	scale_load "$news" "$copies" "$comments" "$cases"
	scale_stage full
	printf '\n%-16s %-44s %9s %8s %9s %8s %6s\n' page 'URL (full)' '1k req/s' '1k p99' \
		'full r/s' 'full p99' cost
	for p in "${scale_pages[@]}"; do
		local shown=${scale_path[$p]}
		[ ${#shown} -le 44 ] || shown=${shown:0:20}...${shown: -21}
		printf '%-16s %-44s %9s %8s %9s %8s %6s\n' "$p" "$shown" "${rps[1k:$p]}" "${p99[1k:$p]}" \
			"${rps[full:$p]}" "${p99[full:$p]}" \
			"$(awk -v a="${rps[1k:$p]}" -v b="${rps[full:$p]}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
	done
	echo "/admin/stats computed (its figures then kept for stats_refresh): ${stats_cold[1k]} s at 1 k," \
		"${stats_cold[full]} s at full size"
	echo "/open311/v2/requests.json lists ${open311_rows[1k]} requests at 1 k, ${open311_rows[full]} at full size"
	echo
	scale_db -N -e "SELECT 'rows:', (SELECT COUNT(*) FROM news), 'news,', (SELECT COUNT(*) FROM requests),
		'requests,', (SELECT COUNT(*) FROM request_events), 'request events,',
		(SELECT COUNT(*) FROM comments), 'comments,', (SELECT COUNT(*) FROM help_cases), 'cases'"
	echo "MariaDB on disk: $(du -sh "$AGORA_VAR/mysql" | cut -f1), resident:" \
		"$(ps -o rss= -p "$(cat "$STATE/mariadbd.pid")" | awk '{ printf "%.0f MiB", $1 / 1024 }')"
	echo "workers resident: $(for k in $(children_of "$(cat "$STATE/multiwatch.pid")"); do
		ps -o rss= -p "$k"; done | awk '{ printf "%s%.1f", (NR > 1 ? ", " : ""), $1 / 1024 } END { print " MiB" }')"
}
