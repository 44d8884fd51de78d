#!/usr/bin/env bash
# Builds the app as production does (`npm run build`), starts it with `npm start`
# on a fresh PostgreSQL database with generated secrets, and checks that the story
# is served over REST and GraphQL and the admin panel is served. Used by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

db="newsroom_smoke_$(date +%s)_$$"
port="${SMOKE_PORT:-1347}"
log="$(mktemp)"
secret() { node -e "console.log(require('crypto').randomBytes(24).toString('base64'))"; }

createdb -h "${DATABASE_HOST:-127.0.0.1}" -p "${DATABASE_PORT:-5432}" -U "${DATABASE_USERNAME:-postgres}" "$db"
cleanup() {
  # The whole process group: npm, its shell and the node server it started.
  [ -n "${pid:-}" ] && kill -- "-$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  dropdb --force -h "${DATABASE_HOST:-127.0.0.1}" -p "${DATABASE_PORT:-5432}" -U "${DATABASE_USERNAME:-postgres}" "$db" || true
}
trap cleanup EXIT

NODE_ENV=production npm run build

NODE_ENV=production DATABASE_CLIENT=postgres DATABASE_NAME="$db" HOST=127.0.0.1 PORT="$port" \
  APP_KEYS="$(secret),$(secret)" API_TOKEN_SALT="$(secret)" ADMIN_JWT_SECRET="$(secret)" \
  TRANSFER_TOKEN_SALT="$(secret)" JWT_SECRET="$(secret)" ENCRYPTION_KEY="$(secret)" \
  setsid npm start >"$log" 2>&1 &
pid=$!

for _ in $(seq 1 90); do
  curl -sf "http://127.0.0.1:${port}/_health" >/dev/null 2>&1 && break
  if ! kill -0 "$pid" 2>/dev/null; then echo "npm start exited early:"; cat "$log"; exit 1; fi
  sleep 1
done

fail() { echo "SMOKE FAIL: $*"; echo "--- server log ---"; tail -50 "$log"; exit 1; }
ar=$(curl -sf "http://127.0.0.1:${port}/api/articles?locale=ar") || fail "GET /api/articles?locale=ar"
grep -q 'العراق يعلن انتهاء المهام القتالية' <<<"$ar" || fail "Arabic headline missing from /api/articles?locale=ar"
en=$(curl -sf "http://127.0.0.1:${port}/api/articles?locale=en") || fail "GET /api/articles?locale=en"
grep -q 'Iraq officially announces the end' <<<"$en" || fail "English headline missing from /api/articles?locale=en"
gql=$(curl -sf "http://127.0.0.1:${port}/graphql" -H 'Content-Type: application/json' \
  -d '{"query":"{ articles(locale: \"en\") { headline quotes { speaker { name } } } }"}') || fail "POST /graphql"
grep -q 'Qasim al-Araji' <<<"$gql" || fail "GraphQL story query"
# Here-strings, not pipes into grep -q: under pipefail a writer still writing when grep -q
# exits on its first match dies of SIGPIPE and fails the check (as xmllint | head did in CI).
admin=$(curl -sf "http://127.0.0.1:${port}/admin") || fail "GET /admin"
grep -qi '<html' <<<"$admin" || fail "admin panel not served at /admin"

# Conformance: the story's ninjs, as served, against IPTC's official ninjs 2.2 schema.
id=$(echo "$ar" | node -pe 'JSON.parse(require("fs").readFileSync(0)).data[0].documentId')
node scripts/ninjs-conformance.js "http://127.0.0.1:${port}/api/articles/${id}/ninjs?locale=ar" \
  "http://127.0.0.1:${port}/api/articles/${id}/ninjs?locale=en" || fail "ninjs output does not conform to ninjs 2.2"
echo "smoke: production build serves the story (REST ar/en, GraphQL, ninjs 2.2) and the admin panel on PostgreSQL"
