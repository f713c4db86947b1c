-- soak.lua - wrk script for script/soak: a mix of a municipality's traffic,
-- optionally held at a fixed rate.
--
-- Every request is one of five kinds, chosen at random by weight (of the
-- HTTP requests sent, a flow of two requests counting twice):
--   pages    70 %  GET of a public page (SOAK_PAGES, space-separated paths)
--   search   15 %  GET /search?q= one or two Greek words (SOAK_WORDS)
--   request   5 %  a citizen's request: GET /requests/new, then POST the form
--                  with the one-time token it carries
--   comment   5 %  a reader's comment: GET the article open to comments
--                  (SOAK_ARTICLE), then POST its comment form (action
--                  SOAK_COMMENT_ACTION) with the form's token
--   edit      5 %  a staff edit: GET /admin/news/ID with the staff session
--                  (SOAK_COOKIE), then POST the form back as a browser does
--                  (every field, its token, CSRF token and version) with the
--                  body's last line changed, "publish"
-- The second request of a flow is queued by response() when the form
-- arrives and sent before any new flow is started.  A thread's Lua state
-- is shared by its connections, so a form is recognised by its action;
-- each thread edits its own news items (SOAK_EDIT_IDS, shared out by
-- thread), one edit at a time per item, so two saves never race for the
-- same version (which would be a 409 of the test's making).
--
-- Rate: with SOAK_RATE (requests/s for all threads together) set, delay()
-- holds each thread to SOAK_RATE / SOAK_THREADS: the thread keeps a
-- schedule of send times, one every interval, and every connection that
-- is ready for its next request takes the next free slot and waits for
-- it (delay() is called before each request; wrk waits whole
-- milliseconds, the schedule keeps the fractions).  A thread that falls
-- behind (every connection busy) sends as soon as a connection is free
-- and catches up at most 100 ms of its schedule - no burst after a
-- stall.  Unlike wrk2, latency is measured from when the request is
-- sent, not from its slot: a stall shows as a minute whose rate fell
-- short (script/soak checks the rate held), not in the percentiles.
-- Without SOAK_RATE there is no delay(): wrk's full speed (the capacity).
--
-- Acknowledged submissions are appended to SOAK_ACKS.<thread> as they
-- come ("request CODE", "comment ID", "edit ID"), one line each, for
-- script/soak to find in MariaDB.  done() prints one "SOAK ..." line.

local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } soak_timespec_t;
int clock_gettime(int clk_id, soak_timespec_t *tp);
]]
local ts = ffi.new("soak_timespec_t")
local function now_us()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1e6 + tonumber(ts.tv_nsec) / 1e3
end

local function words(s)
  local t = {}
  for w in string.gmatch(s or "", "%S+") do t[#t + 1] = w end
  return t
end

local function enc(s)
  return (string.gsub(s, "[^A-Za-z0-9%-._~]", function(ch)
    return string.format("%%%02X", string.byte(ch))
  end))
end

local function unhtml(s)
  s = string.gsub(s, "&#(%d+);", function(n)
    n = tonumber(n)
    if n < 128 then return string.char(n) end
    return nil
  end)
  s = string.gsub(s, "&quot;", '"')
  s = string.gsub(s, "&#39;", "'")
  s = string.gsub(s, "&lt;", "<")
  s = string.gsub(s, "&gt;", ">")
  s = string.gsub(s, "&amp;", "&")
  return s
end

local PAGES = words(os.getenv("SOAK_PAGES"))
local WORDS = words(os.getenv("SOAK_WORDS"))
local ARTICLE = os.getenv("SOAK_ARTICLE")
local COMMENT_ACTION = os.getenv("SOAK_COMMENT_ACTION")
local COOKIE = os.getenv("SOAK_COOKIE")
local EDIT_IDS = words(os.getenv("SOAK_EDIT_IDS"))
local RATE = tonumber(os.getenv("SOAK_RATE") or "")
local NTHREADS = tonumber(os.getenv("SOAK_THREADS") or "2")
local ACKS = os.getenv("SOAK_ACKS")
local RUN = tonumber(os.getenv("SOAK_RUN") or "0")

-- Flow weights: a flow of two requests has half its share of requests.
local KINDS = { "page", "search", "request", "comment", "edit" }
local WEIGHT = { page = 70, search = 15, request = 2.5, comment = 2.5, edit = 2.5 }
if #PAGES == 0 then WEIGHT.page = 0 end
if #WORDS == 0 then WEIGHT.search = 0 end
if not ARTICLE or not COMMENT_ACTION then WEIGHT.comment = 0 end
if not COOKIE or #EDIT_IDS == 0 then WEIGHT.edit = 0 end
local TOTAL = 0
for _, k in ipairs(KINDS) do TOTAL = TOTAL + WEIGHT[k] end

-- ---- the main state: one entry per thread, for done() ----------------------
local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
  thread:set("id", #threads)
end

-- ---- each thread --------------------------------------------------------------
local queue = {}        -- second requests of flows, to send first
local items = {}        -- news id -> time its edit started (0: idle)
local item_list = {}
local next_item = 1
local wanted = { request = 0, comment = 0 }
local ackf
local n = 0
local next_at = 0
local interval_us

-- Globals read by done() through thread:get (wrk copies tables too).
counts = {}             -- HTTP status -> answers
started_request, started_comment, started_edit = 0, 0, 0
acked_request, acked_comment, acked_edit = 0, 0, 0
other_303, lost_forms = 0, 0

local STAFF_HEADERS = {}
local POST_HEADERS = { ["Content-Type"] = "application/x-www-form-urlencoded" }
local STAFF_POST_HEADERS = { ["Content-Type"] = "application/x-www-form-urlencoded" }

function init(args)
  math.randomseed(os.time() * 1000 + RUN * 97 + id * 7919)
  for i, nid in ipairs(EDIT_IDS) do
    if (i - 1) % NTHREADS == id - 1 then
      item_list[#item_list + 1] = nid
      -- Idle a second after start: an edit of the run before may still
      -- be on its way when this one begins.
      items[nid] = now_us() - 9e6
    end
  end
  if COOKIE then
    STAFF_HEADERS["Cookie"] = COOKIE
    STAFF_POST_HEADERS["Cookie"] = COOKIE
  end
  if ACKS then
    ackf = io.open(ACKS .. "." .. id, "a")
    if ackf then ackf:setvbuf("line") end
  end
  if RATE and RATE > 0 then
    interval_us = 1e6 * NTHREADS / RATE
    next_at = now_us()
  end
end

local function ack(kind, what)
  if ackf then ackf:write(kind, " ", what, "\n") end
end

-- An item is busy from its form's GET to the answer of its POST; one
-- whose answer never came (a lost connection) is free after 10 s.
local function take_item()
  local now = now_us()
  for _ = 1, #item_list do
    local nid = item_list[next_item]
    next_item = next_item % #item_list + 1
    if items[nid] == 0 or now - items[nid] > 10e6 then
      items[nid] = now
      return nid
    end
  end
  return nil
end

local function free_item(nid)
  if items[nid] then items[nid] = 0 end
end

local function pick()
  local r = math.random() * TOTAL
  for _, k in ipairs(KINDS) do
    r = r - WEIGHT[k]
    if r < 0 then return k end
  end
  return "page"
end

local function search_path()
  local q = WORDS[math.random(#WORDS)]
  if math.random() < 0.4 then q = q .. " " .. WORDS[math.random(#WORDS)] end
  local p = "/search?q=" .. enc(q)
  if math.random() < 0.1 then p = p .. "&page=2" end
  return p
end

function request()
  local q = table.remove(queue, 1)
  if q then return q end
  local k = pick()
  if k == "search" then
    return wrk.format("GET", search_path())
  elseif k == "request" then
    started_request = started_request + 1
    wanted.request = wanted.request + 1
    return wrk.format("GET", "/requests/new")
  elseif k == "comment" then
    started_comment = started_comment + 1
    wanted.comment = wanted.comment + 1
    return wrk.format("GET", ARTICLE)
  elseif k == "edit" then
    local nid = take_item()
    if nid then
      started_edit = started_edit + 1
      return wrk.format("GET", "/admin/news/" .. nid, STAFF_HEADERS)
    end
  end
  return wrk.format("GET", PAGES[math.random(#PAGES)])
end

if RATE and RATE > 0 then
  function delay()
    local now = now_us()
    if next_at < now - 100e3 then next_at = now - 100e3 end
    next_at = next_at + interval_us
    local d = (next_at - now) / 1000
    if d < 1 then return 0 end
    return math.floor(d)
  end
end

-- The token of the form posting to action, or nil.
local function form_token(body, action)
  local at = string.find(body, 'action="' .. action .. '"', 1, true)
  if not at then return nil end
  return string.match(body, 'name="token" value="([^"]*)"', at)
end

local function queue_request(token)
  n = n + 1
  local addr = "Ερμού " .. (n % 200 + 1)
  local desc = "Σπασμένο παγκάκι στην πλατεία, δοκιμή αντοχής " .. id .. "-" .. n ..
    "-" .. math.random(1, 1e9)
  local body = "token=" .. token .. "&category=3&consent=1&address=" .. enc(addr) ..
    "&description=" .. enc(desc)
  queue[#queue + 1] = wrk.format("POST", "/requests/new", POST_HEADERS, body)
end

local function queue_comment(token)
  n = n + 1
  local body = "token=" .. token .. "&name=" .. enc("Αναγνώστης " .. id .. "-" .. n) ..
    "&email=" .. enc("soak-" .. id .. "-" .. n .. "@example.org") ..
    "&consent=1&website=&parent=&body=" ..
    enc("Καλή ιδέα, αλλά χρειάζεται και φωτισμός στη γειτονιά μας (" .. id .. "-" .. n ..
      "-" .. math.random(1, 1e9) .. ").")
  queue[#queue + 1] = wrk.format("POST", COMMENT_ACTION, POST_HEADERS, body)
end

-- The news form as a browser sends it: every input but files and unticked
-- boxes, every textarea, the selected option of each select; the body's
-- last paragraph says which edit this is.
local MARK = "Τελευταία ενημέρωση: αρ. "
local function queue_edit(nid, form)
  local f, order = {}, {}
  local function put(k, v)
    if f[k] == nil then order[#order + 1] = k end
    f[k] = v
  end
  for attrs in string.gmatch(form, "<input([^>]*)>") do
    local name = string.match(attrs, 'name="([^"]*)"')
    local typ = string.match(attrs, 'type="([^"]*)"') or "text"
    if name and typ ~= "file" and typ ~= "submit" and
       ((typ ~= "checkbox" and typ ~= "radio") or string.find(attrs, " checked", 1, true)) then
      put(name, unhtml(string.match(attrs, 'value="([^"]*)"') or ""))
    end
  end
  for attrs, text in string.gmatch(form, "<textarea([^>]*)>(.-)</textarea>") do
    local name = string.match(attrs, 'name="([^"]*)"')
    if name then put(name, unhtml((string.gsub(text, "^\r?\n", "")))) end
  end
  for attrs, opts in string.gmatch(form, "<select([^>]*)>(.-)</select>") do
    local name = string.match(attrs, 'name="([^"]*)"')
    if name then put(name, string.match(opts, '<option value="([^"]*)"[^>]*selected') or "") end
  end
  if not f.body or not f.token or not f.version then
    lost_forms = lost_forms + 1
    free_item(nid)
    return
  end
  n = n + 1
  local b = string.gsub(f.body, "%s*" .. MARK .. "[0-9-]+%.%s*$", "")
  f.body = b .. "\n\n" .. MARK .. RUN .. "-" .. id .. "-" .. n .. "."
  local parts = {}
  for _, k in ipairs(order) do parts[#parts + 1] = enc(k) .. "=" .. enc(f[k]) end
  parts[#parts + 1] = "action=publish"
  queue[#queue + 1] = wrk.format("POST", "/admin/news/" .. nid, STAFF_POST_HEADERS,
    table.concat(parts, "&"))
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
  if status == 303 then
    local loc = headers["Location"] or headers["location"] or ""
    local code = string.match(loc, "^/requests/([0-9]+%-[0-9]+)%?new=1")
    if code then
      acked_request = acked_request + 1
      ack("request", code)
      return
    end
    local cid = string.match(loc, "[?&]posted=([0-9]+)%-")
    if cid then
      acked_comment = acked_comment + 1
      ack("comment", cid)
      return
    end
    local nid = string.match(loc, "^/admin/news/([0-9]+)%?done=")
    if nid then
      acked_edit = acked_edit + 1
      ack("edit", nid)
      free_item(nid)
      return
    end
    other_303 = other_303 + 1
    return
  end
  if not body then return end
  -- An edit form (200) or an edit refused (409, 422 ...): its item.
  local fat = string.find(body, '<form id="news"', 1, true)
  if fat then
    local nid = string.match(body, 'action="/admin/news/([0-9]+)"', fat)
    if nid and status == 200 and items[nid] then
      local fend = string.find(body, "</form>", fat, true) or #body
      queue_edit(nid, string.sub(body, fat, fend))
    elseif nid then
      free_item(nid)
    end
    return
  end
  if status ~= 200 then return end
  if wanted.request > 0 then
    local t = form_token(body, "/requests/new")
    if t then
      wanted.request = wanted.request - 1
      queue_request(t)
      return
    end
  end
  if wanted.comment > 0 then
    local t = form_token(body, COMMENT_ACTION)
    if t then
      wanted.comment = wanted.comment - 1
      queue_comment(t)
      return
    end
  end
end

done = function(summary, latency, requests)
  local all = {}
  local sums = { started_request = 0, started_comment = 0, started_edit = 0,
                 acked_request = 0, acked_comment = 0, acked_edit = 0,
                 other_303 = 0, lost_forms = 0 }
  for _, t in ipairs(threads) do
    for k in pairs(sums) do sums[k] = sums[k] + (t:get(k) or 0) end
    for s, c in pairs(t:get("counts") or {}) do all[s] = (all[s] or 0) + c end
  end
  local st = {}
  for s, c in pairs(all) do st[#st + 1] = s end
  table.sort(st)
  for i, s in ipairs(st) do st[i] = s .. ":" .. all[s] end
  local e = summary.errors
  io.write(string.format(
    "SOAK requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f " ..
    "connect=%d read=%d write=%d timeout=%d statuses=%s " ..
    "rq=%d/%d cm=%d/%d ed=%d/%d other303=%d lostforms=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    e.connect, e.read, e.write, e.timeout, table.concat(st, ","),
    sums.acked_request, sums.started_request, sums.acked_comment, sums.started_comment,
    sums.acked_edit, sums.started_edit, sums.other_303, sums.lost_forms))
end
