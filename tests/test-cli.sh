#!/usr/bin/env bash
# comptoir-cli as a script or a support person uses it: what it prints,
# what it writes and its exit codes. TAP output.
set -uo pipefail
cli=$1
data=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/shop.db
n=0
failed=0

check () {
  local what=$1; shift
  n=$((n + 1))
  if "$@"; then
    echo "ok $n - $what"
  else
    echo "not ok $n - $what"
    failed=$((failed + 1))
  fi
}

count () { sqlite3 "$db" "$1"; }

out=$("$cli" --db "$db" init); rc=$?
check "init succeeds" test $rc -eq 0
check "init names the file" grep -q "$db" <<<"$out"
check "init writes a Comptoir database" test "$(count 'PRAGMA application_id')" = 1131375984

"$cli" --db "$db" demo --products 600 --members 25 --seed 5 >"$tmp/demo.out"; rc=$?
check "demo succeeds" test $rc -eq 0
check "demo wrote 600 products" test "$(count 'SELECT count(*) FROM product')" = 600
check "demo wrote 25 members" test "$(count 'SELECT count(*) FROM member')" = 25
check "demo gave the till a manager and two cashiers" test "$(count "SELECT group_concat (name || '/' || role, ',') FROM (SELECT * FROM staff ORDER BY name)")" = "Anne/cashier,Bruno/cashier,Claire/manager"
check "and says how to log in" grep -q "Claire (manager, PIN 1234)" "$tmp/demo.out"

"$cli" --db "$db" demo --products 10 2>"$tmp/err"; rc=$?
check "demo refuses a shop that has products" test $rc -eq 1
check "and says why" grep -q "already has products" "$tmp/err"
check "and wrote nothing" test "$(count 'SELECT count(*) FROM product')" = 600

"$cli" --db "$db" product search "pates" >"$tmp/search"; rc=$?
check "search succeeds" test $rc -eq 0
check "search finds Pâtes without the accent" grep -q "Pâtes" "$tmp/search"
check "every line has id, barcode, name, price, VAT" \
  awk -F'\t' 'NF != 5 { bad = 1 } END { exit bad }' "$tmp/search"
check "search finds as many as the index holds" \
  test "$(wc -l <"$tmp/search")" = "$(count "SELECT count(*) FROM product_fts WHERE product_fts MATCH '\"pates\"*'")"

barcode=$(count "SELECT barcode FROM product_barcode WHERE product_id IS NOT NULL LIMIT 1 OFFSET 7")
name=$(count "SELECT p.name FROM product p JOIN product_barcode b ON b.product_id = p.id WHERE b.barcode = '$barcode'")
"$cli" --db "$db" product get "$barcode" >"$tmp/get"; rc=$?
check "get by barcode succeeds" test $rc -eq 0
check "get prints one line" test "$(wc -l <"$tmp/get")" -eq 1
check "get prints that product" grep -qF "$name" "$tmp/get"

"$cli" --db "$db" product get 0000 2>"$tmp/err"; rc=$?
check "get of an unknown code fails" test $rc -eq 1
check "and says so" grep -q "0000" "$tmp/err"

before=$(count 'SELECT count(*) FROM product')
"$cli" --db "$db" product import "$data/products-excel-fr.csv" --dry-run >"$tmp/dry"; rc=$?
check "dry run of a French Excel export succeeds" test $rc -eq 0
check "dry run writes nothing" test "$(count 'SELECT count(*) FROM product')" = "$before"
"$cli" --db "$db" product import "$data/products-excel-fr.csv" >"$tmp/import"; rc=$?
check "import succeeds" test $rc -eq 0
check "import created the products" test "$(count 'SELECT count(*) FROM product')" -gt "$before"
check "import decoded Windows-1252" test "$(count "SELECT count(*) FROM product WHERE name = 'Pâtes complètes'")" = 1

printf 'code;nom;ean;prix;tva\nX-1;Savon;3017620422004;2,10;20\nX-2;Shampooing;;3,50;20\n' >"$tmp/bad.csv"
before=$(count 'SELECT count(*) FROM product')
"$cli" --db "$db" product import "$tmp/bad.csv" >"$tmp/bad.out"; rc=$?
check "import with a bad barcode fails" test $rc -eq 1
check "the report names the line" grep -qi "line 2" "$tmp/bad.out"
check "nothing of that file was written" test "$(count 'SELECT count(*) FROM product')" = "$before"

barcode2=$(count "SELECT barcode FROM product_barcode WHERE product_id IS NOT NULL LIMIT 1 OFFSET 3")
weighed=$(count "SELECT code FROM product WHERE unit = 'kg' LIMIT 1")
printf '{"lines":[{"barcode":"%s","qty":2},{"code":"%s","grams":1235}],"payments":[{"method":"cash","amount":"500"}]}' \
  "$barcode2" "$weighed" | "$cli" --db "$db" sale --till T1 >"$tmp/sale.out" 2>"$tmp/sale.err"; rc=$?
check "sale succeeds" test $rc -eq 0
check "sale prints the ticket number" test "$(cat "$tmp/sale.out")" = 1
check "sale says the change" grep -q "Change to give" "$tmp/sale.err"
check "the ticket has its two lines" test "$(count 'SELECT count(*) FROM ticket_line')" = 2
printf '{"lines":[{"barcode":"%s"}],"payments":[{"method":"cash","amount":"0.01"}]}' "$barcode2" \
  | "$cli" --db "$db" sale --till T1 2>"$tmp/err"; rc=$?
check "an unpaid sale is refused" test $rc -eq 1
check "and says what is missing" grep -q "missing" "$tmp/err"
echo '{"lines": [' | "$cli" --db "$db" sale --till T1 2>"$tmp/err"; rc=$?
check "broken JSON is refused clearly" grep -q "not valid JSON" "$tmp/err"
check "nothing of the refused sales was written" test "$(count 'SELECT count(*) FROM ticket')" = 1
printf 'code;nom;prix;tva;unité\n04321;Comté au kilo;25,90;5,5;kg\n' >"$tmp/cheese.csv"
"$cli" --db "$db" product import "$tmp/cheese.csv" >/dev/null
label=$(python3 -c 'd="210432100750"; s=sum(int(c)*(3 if i%2 else 1) for i,c in enumerate(d)); print(d+str((10-s%10)%10))')
printf '{"lines":[{"barcode":"%s"}],"payments":[{"method":"cash","amount":"20"}]}' "$label" \
  | "$cli" --db "$db" sale --till T1 >"$tmp/sale2.out" 2>/dev/null; rc=$?
check "a scale label sells its weight" test $rc -eq 0
check "at the product's price per kg" \
  test "$(count "SELECT quantity_milli || ' ' || total_cents FROM ticket_line WHERE label = 'Comté au kilo'")" = "750 1943"
printf '{"lines":[{"code":"04321"}],"payments":[{"method":"cash","amount":"20"}]}' \
  | "$cli" --db "$db" sale --till T1 2>"$tmp/err"; rc=$?
check "a weighed product needs its weight" grep -q "sold by weight" "$tmp/err"

"$cli" --db "$db" close --till T1 --period day >"$tmp/close"; rc=$?
check "close succeeds" test $rc -eq 0
check "close counts the tickets" grep -q "2 tickets" "$tmp/close"
"$cli" --db "$db" verify >"$tmp/verify"; rc=$?
check "verify passes on an honest journal" test $rc -eq 0
sqlite3 "$db" "DROP TRIGGER ticket_line_immutable_u; DROP TRIGGER guard_ticket_line_update; UPDATE ticket_line SET unit_price_cents = 1"
"$cli" --db "$db" verify 2>"$tmp/err"; rc=$?
check "verify fails after tampering with sqlite3" test $rc -eq 1
check "and names the first broken link" grep -q "entry 1" "$tmp/err"

"$cli" --db "$db" settings shop.name "Coop du Canal"; rc=$?
check "a setting can be changed" test $rc -eq 0
check "and read back" test "$("$cli" --db "$db" settings shop.name)" = "Coop du Canal"
"$cli" --db "$db" settings shop.mode supermarket 2>"$tmp/err"; rc=$?
check "an invalid setting is refused" test $rc -eq 1
check "saying what is expected" grep -q "farm" "$tmp/err"
check "settings lists the scale rules" grep -q "^scan.scale-rules" <("$cli" --db "$db" settings)
"$cli" --db "$db" settings scan.scale-rules '[{"prefix": "28", "item_start": 2, "item_len": 5, "value_start": 7, "value_len": 5, "decimals": 2, "kind": "price"}]' 2>"$tmp/err"; rc=$?
check "scale rules can be replaced" test $rc -eq 0

"$cli" --db "$db" member show 3 >"$tmp/member"; rc=$?
check "member show succeeds" test $rc -eq 0
check "a member with an empty ledger is up to date" grep -q "^Status: Up to date" "$tmp/member"
ten_days_ago=$(date -d '10 days ago' +%Y-%m-%d)
"$cli" --db "$db" member record 3 missed --on "$ten_days_ago" >"$tmp/member"; rc=$?
check "member record succeeds" test $rc -eq 0
check "a missed shift is an alert" grep -q "^Status: alert: 1 shift to make up before" "$tmp/member"
check "with its deadline, four weeks after" grep -qx "Deadline: $(date -d '18 days' +%Y-%m-%d)" "$tmp/member"
check "and the ledger line that explains it" grep -qP "^$ten_days_ago\tShift missed\t-1\t-1" "$tmp/member"
"$cli" --db "$db" member correct 3 1 >/dev/null 2>&1; rc=$?
check "a correction without a reason is a usage error" test $rc -eq 2
"$cli" --db "$db" member correct 3 1 --reason "Badge oublié, service fait" >"$tmp/member"; rc=$?
check "member correct succeeds" test $rc -eq 0
check "the member is up to date again" grep -q "^Status: Up to date" "$tmp/member"
check "the reason is in the ledger" grep -qP "\tCorrection\t\+1\t0\tBadge oublié, service fait$" "$tmp/member"
"$cli" --db "$db" member record 3 done --on "$(date -d tomorrow +%Y-%m-%d)" 2>"$tmp/err"; rc=$?
check "a shift after today is refused" test $rc -eq 1
check "saying so" grep -q "up to today" "$tmp/err"
check "the ledger holds the two entries, in the change log" \
  test "$(count "SELECT count(*) FROM counter_entry c JOIN change_log l ON l.row_id = c.id")" = 2
"$cli" --db "$db" member show 999 2>"$tmp/err"; rc=$?
check "an unknown member number fails" test $rc -eq 1
check "settings lists the status rules" grep -q "^member.status-rules" <("$cli" --db "$db" settings)

# Members' records: import, show, search, shares, household, export,
# anonymise, merge, join and leave.
printf 'Numéro;Nom;Prénom;E-mail;Date de naissance;Parts;Type\n101;Lefèvre;Hélène;helene@example.org;12/04/1985;2;standard\n102;Garçon;François;;;1;volant\n' >"$tmp/members.csv"
"$cli" --db "$db" member import "$tmp/members.csv" --dry-run >"$tmp/mimport"; rc=$?
check "member import dry run succeeds" test $rc -eq 0
check "and writes nothing" test "$(count 'SELECT count(*) FROM member WHERE number > 100')" = 0
"$cli" --db "$db" member import "$tmp/members.csv" >"$tmp/mimport"; rc=$?
check "member import succeeds" test $rc -eq 0
check "the report counts the members created" grep -q "2 created" "$tmp/mimport"
check "and says they are saved" grep -q "The members are saved" "$tmp/mimport"
check "a flying member is flying" test "$(count 'SELECT participation FROM member WHERE number = 102')" = flying
printf 'Numéro;Nom;Prénom;E-mail\n103;Petit;Anne;anne(at)example.org\n104;;Luc;\n' >"$tmp/mbad.csv"
"$cli" --db "$db" member import "$tmp/mbad.csv" >"$tmp/mbad.out"; rc=$?
check "a member import with bad lines fails" test $rc -eq 1
check "naming both lines" sh -c "grep -q '^Line 2: .*e-mail' '$tmp/mbad.out' && grep -q '^Line 3: .*first name and last name' '$tmp/mbad.out'"
check "and writes nothing" test "$(count 'SELECT count(*) FROM member WHERE number > 102')" = 0

"$cli" --db "$db" member show 101 >"$tmp/mshow"; rc=$?
check "member show of an imported member succeeds" test $rc -eq 0
check "with the contact" grep -qx "E-mail: helene@example.org" "$tmp/mshow"
check "the birth date" grep -qx "Born: 1985-04-12" "$tmp/mshow"
check "the shares and what is owed" grep -qx "Shares: 2 (20.00 €), paid 0.00 €, owed 20.00 €" "$tmp/mshow"
check "before the status" grep -q "^Status: Up to date" "$tmp/mshow"
"$cli" --db "$db" member shares 101 pay 20 cheque >"$tmp/mshares"; rc=$?
check "member shares pay succeeds" test $rc -eq 0
check "and nothing is owed" grep -qx "Shares: 2 (20.00 €), paid 20.00 €" "$tmp/mshares"
"$cli" --db "$db" member shares 101 pay 5 cash 2>"$tmp/err"; rc=$?
check "paying more than owed is refused" test $rc -eq 1
"$cli" --db "$db" member household 101 add Paul Lefèvre >"$tmp/person"; rc=$?
check "member household add prints the person's id" grep -Eq '^[0-9a-f]{8}-' "$tmp/person"
check "and show lists them" grep -q "^Household: Paul Lefèvre" <("$cli" --db "$db" member show 101)
"$cli" --db "$db" member search "lef hel" >"$tmp/msearch"; rc=$?
check "member search finds by bits of names without accents" test "$(head -1 "$tmp/msearch" | cut -f1,2)" = "$(printf '101\tHélène Lefèvre')"

"$cli" --db "$db" member export 101 >"$tmp/export.json"; rc=$?
check "member export succeeds" test $rc -eq 0
check "as JSON with the record, shares and household" python3 -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
sys.exit(not (d["member"]["number"] == 101 and d["shares"]["n_shares"] == 2
              and len(d["household"]) == 1 and "ledger" in d and "tickets" in d))
' "$tmp/export.json"

"$cli" --db "$db" member anonymise 102 >/dev/null 2>"$tmp/err"; rc=$?
check "anonymise without --yes is refused" test $rc -eq 1
check "saying it is irreversible" grep -q "irreversible" "$tmp/err"
check "and changes nothing" test "$(count 'SELECT first_name FROM member WHERE number = 102')" = "François"
"$cli" --db "$db" member anonymise 102 --yes >/dev/null; rc=$?
check "anonymise --yes succeeds" test $rc -eq 0
check "the name and contact are erased, the number stays" \
  test "$(count "SELECT first_name || ' ' || last_name || ' ' || anonymised || ' ' || coalesce (card_barcode, '-') FROM member WHERE number = 102")" = "Member 102 1 -"
check "show says so" grep -q "^Anonymised" <("$cli" --db "$db" member show 102)

shares3=$("$cli" --db "$db" member show 3 | sed -n 's/^Shares: \([0-9]*\) .*/\1/p')
"$cli" --db "$db" member merge 101 3 >/dev/null; rc=$?
check "member merge succeeds" test $rc -eq 0
check "the absorbed member left" test "$(count 'SELECT left_on IS NOT NULL FROM member WHERE number = 101')" = 1
check "the shares moved to the member who stays" grep -q "^Shares: $((shares3 + 2)) " <("$cli" --db "$db" member show 3)
check "with the household" grep -q "^Household: Paul Lefèvre" <("$cli" --db "$db" member show 3)

"$cli" --db "$db" member add --first Marie --last Curie --shares 1 >"$tmp/madd"; rc=$?
check "member add succeeds" test $rc -eq 0
check "with the next free number and a card" grep -q "^Member 103: Marie Curie, card 2990000001" "$tmp/madd"
"$cli" --db "$db" member leave 103 --refund-shares >"$tmp/mleave"; rc=$?
check "member leave succeeds" test $rc -eq 0
check "the shares are refunded, the money still to pay back" grep -qx "Shares: 0 (0.00 €), paid 0.00 €" "$tmp/mleave"

manager=$("$cli" --db "$db" staff add --name "Marc" --role manager --pin 975310); rc=$?
check "staff add succeeds" test $rc -eq 0
check "and prints the new id" grep -Eq '^[0-9a-f]{8}-[0-9a-f]{4}-7' <<<"$manager"
"$cli" --db "$db" staff add --name "Émile" --role cashier --pin 2468 >/dev/null; rc=$?
check "a cashier is added too" test $rc -eq 0
"$cli" --db "$db" staff add --name "Zoé" --role cashier --pin 12a4 2>"$tmp/err"; rc=$?
check "a PIN that is not 4 to 8 digits is refused" test $rc -eq 1
check "saying what a PIN is" grep -q "4 to 8 digits" "$tmp/err"
"$cli" --db "$db" staff add --name "Zoé" --role boss --pin 1234 2>/dev/null; rc=$?
check "an unknown role is a usage error" test $rc -eq 2
check "nothing of the refused staff was written" test "$(count 'SELECT count(*) FROM staff')" = 5
"$cli" --db "$db" staff list >"$tmp/staff"; rc=$?
check "staff list succeeds" test $rc -eq 0
check "staff list is sorted by name, with roles" \
  test "$(cut -f2,3 "$tmp/staff" | tr '\t\n' ':;')" = "Anne:cashier;Bruno:cashier;Claire:manager;Émile:cashier;Marc:manager;"
check "the PIN is stored only as PBKDF2-HMAC-SHA256 with its salt" python3 -c '
import hashlib, sys
scheme, iterations, salt, digest = sys.argv[1].split("$")
sys.exit(not (scheme == "pbkdf2-sha256" and int(iterations) >= 1000 and
              hashlib.pbkdf2_hmac("sha256", b"975310", bytes.fromhex(salt), int(iterations)).hex() == digest))
' "$(count "SELECT pin_hash FROM staff WHERE id = '$manager'")"

"$cli" --db "$db" close --till T1 --period day >"$tmp/close2"; rc=$?
check "the Z shows the cancelled tickets" grep -q "Cancelled before payment: 0 tickets" "$tmp/close2"
"$cli" --db "$db" audit list --till T1 >"$tmp/audit"; rc=$?
check "audit list succeeds" test $rc -eq 0
check "audit list shows both closures, signed by no one" \
  test "$(awk -F'\t' '$2 == "closure" && $3 == "-"' "$tmp/audit" | wc -l)" = 2
"$cli" --db "$db" audit list --till T9 2>"$tmp/err"; rc=$?
check "audit list of an unknown till fails" test $rc -eq 1
check "and creates no till" test "$(count "SELECT count(*) FROM till WHERE code = 'T9'")" = 0

"$cli" --db "$db" receipt --till T1 --number 1 --columns 32 >"$tmp/receipt.txt"; rc=$?
check "receipt shows the ticket" test $rc -eq 0
check "with the shop's name" grep -q "Coop du Canal" "$tmp/receipt.txt"
check "no receipt line is wider than 32 characters" \
  python3 -c 'import sys; sys.exit(any(len(l.rstrip("\n")) > 32 for l in open(sys.argv[1], encoding="utf-8")))' "$tmp/receipt.txt"
check "showing records no print" test "$(count 'SELECT count(*) FROM receipt_print')" = 0
: >"$tmp/lp0"
"$cli" --db "$db" receipt --till T1 --number 2 --device "$tmp/lp0" --drawer >"$tmp/print.out"; rc=$?
check "receipt prints to a device node" test $rc -eq 0
check "drawer pulse, then ESC/POS from reset to cut" \
  python3 -c 'import sys; d = open(sys.argv[1], "rb").read(); sys.exit(not (d.startswith(b"\x1bp\x00\x19\xfa\x1b@\x1bt\x13") and d.endswith(b"\x1dVB\x03")))' "$tmp/lp0"
"$cli" --db "$db" receipt --till T1 --number 2 --pdf "$tmp/receipt.pdf" >"$tmp/print.out"; rc=$?
check "a second copy is saved as PDF" test $rc -eq 0
check "as a PDF file" grep -q "^%PDF" "$tmp/receipt.pdf"
check "and is the first duplicate" grep -q "Duplicate no. 1" "$tmp/print.out"
check "both prints are recorded" test "$(count 'SELECT group_concat(copy) FROM receipt_print')" = "1,2"
"$cli" --db "$db" receipt --till T1 --number 99 2>"$tmp/err"; rc=$?
check "an unknown ticket number is refused" test $rc -eq 1
check "saying which" grep -q "no ticket number 99" "$tmp/err"

# Work shifts, replayed in March 2025 with --now: a squad, a booking,
# the exchange board, a late cancellation, a walk-in and a correction.
sdb=$tmp/shifts.db
shifts () { "$cli" --db "$sdb" shifts "$@"; }
scount () { sqlite3 "$sdb" "$1"; }
"$cli" --db "$sdb" init >/dev/null
for who in "Marie Curie" "Paul Langevin" "Irène Joliot" "Louis Néel"; do
  "$cli" --db "$sdb" member add --first "${who% *}" --last "${who#* }" >/dev/null
done
till=$(shifts template add --week B --weekday 1 --start 9:00 --end 12:00 --job cashier --capacity 2 --role cashier); rc=$?
check "shifts template add succeeds" test $rc -eq 0
check "and prints the template's id" grep -Eq '^[0-9a-f]{8}-' <<<"$till"
shelves=$(shifts template add --week B --weekday 1 --start 14h --end 17h --job shelving --capacity 2)
shifts template add --week E --weekday 1 --start 9:00 --end 12:00 --job cashier --capacity 2 2>"$tmp/err"; rc=$?
check "a week beyond the cycle is refused" test $rc -eq 1
check "saying which weeks there are" grep -q "weeks A to D" "$tmp/err"
shifts templates >"$tmp/templates"
check "shifts templates lists both, in cycle order" \
  test "$(cut -f2-5 "$tmp/templates" | tr '\t\n' ' ;')" = "B 1 09:00-12:00 cashier;B 1 14:00-17:00 shelving;"
shifts role grant 1 cashier && shifts squad join "$till" 1 --from 2025-01-01; rc=$?
check "shifts squad join succeeds" test $rc -eq 0
shifts closing add 2025-03-31 "Inventaire" >"$tmp/out"; rc=$?
check "shifts closing add succeeds" test $rc -eq 0
shifts generate --weeks 8 --from 2025-02-24 >"$tmp/out"; rc=$?
check "shifts generate succeeds" test $rc -eq 0
check "making the week B shifts but on the closing day, with the squad's seat" \
  grep -qx "2 shifts made, 1 squad seats given" "$tmp/out"
check "generating again makes nothing" grep -q "^0 shifts made" <(shifts generate --weeks 8 --from 2025-02-24)
shifts list --from 2025-03-03 --days 1 >"$tmp/list"; rc=$?
check "shifts list succeeds" test $rc -eq 0
check "with one line per shift, and who is in it" \
  test "$(cut -f2-7 "$tmp/list" | tr '\t\n' ' ;')" = "2025-03-03 B 09:00-12:00 cashier 1/2 1 Marie Curie;2025-03-03 B 14:00-17:00 shelving 0/2 ;"
slot=$(awk -F'\t' '$5 == "cashier" { print $1 }' "$tmp/list")
slot2=$(awk -F'\t' '$5 == "shelving" { print $1 }' "$tmp/list")
check "a slot's id follows from its template and day" test "$(scount "SELECT template_id FROM shift_slot WHERE id = '$slot'")" = "$till"
shifts book "$slot" 2 --now "2025-03-01 10:00" 2>"$tmp/err"; rc=$?
check "booking the till without the training is refused" test $rc -eq 1
check "naming the training" grep -q "cashier" "$tmp/err"
check "booking a shift to come succeeds" grep -q "accepted$" <(shifts book "$slot2" 2 --now "2025-03-01 10:00")
offer=$(shifts offer "$slot" 1 --now "2025-03-01 10:00"); rc=$?
check "shifts offer succeeds" test $rc -eq 0
check "the offer is on the board" test "$(shifts offers --on 2025-03-01 | cut -f1)" = "$offer"
shifts role grant 3 cashier
check "another member takes it" grep -q "accepted$" <(shifts take "$offer" 3 --now "2025-03-01 11:00")
check "the seat moved" grep -q "1/2	3 Irène Joliot$" <(shifts list --from 2025-03-03 --days 1)
check "the board is empty" test -z "$(shifts offers --on 2025-03-01)"
check "cancelling the day before is late" grep -qx "cancelled late" <(shifts cancel "$slot2" 2 --now "2025-03-02 12:00")
check "and costs a point" grep -qP "^2025-03-02\tLate cancellation\t-1\t-1" <("$cli" --db "$sdb" member show 2)
check "a volunteer who turns up is checked in" test "$(shifts checkin 4 --now "2025-03-03 14:10")" = "$slot2"
shifts checkin 4 --now "2025-03-03 14:20" 2>"$tmp/err"; rc=$?
check "checking in twice is refused" test $rc -eq 1
check "saying so" grep -q "already checked in" "$tmp/err"
check "the member who took the seat and did not come is absent" \
  grep -qx "1 member marked absent" <(shifts absent --now "2025-03-03 18:00")
check "and marked once only" grep -qx "0 members marked absent" <(shifts absent --now "2025-03-03 19:00")
check "the one who offered it owes nothing" test "$(scount "SELECT count(*) FROM counter_entry e JOIN member m ON m.id = e.member_id WHERE m.number = 1")" = 0
shifts correct "$slot" 3 present 2>/dev/null; rc=$?
check "a correction needs a reason" test $rc -eq 2
shifts correct "$slot" 3 present --reason "Badge oublié, service fait"; rc=$?
check "shifts correct succeeds" test $rc -eq 0
check "the correction cancels the missed shift" grep -q "^Counter: 0" <("$cli" --db "$sdb" member show 3)
shifts list --now "yesterday" 2>/dev/null; rc=$?
check "a --now that is not a time is a usage error" test $rc -eq 2

head -c 4096 /dev/urandom >"$tmp/garbage.db"
"$cli" --db "$tmp/garbage.db" init 2>"$tmp/err"; rc=$?
check "a file that is not a Comptoir database is refused" test $rc -eq 1
check "with a clear message" grep -q "not a Comptoir database" "$tmp/err"

"$cli" --db "$db" frobnicate 2>/dev/null; rc=$?
check "an unknown command is a usage error" test $rc -eq 2

echo "1..$n"
exit $((failed > 0))
