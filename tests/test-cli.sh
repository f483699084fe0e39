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

# Set-up and support: the closing days, a member leaving their squad, a
# one-off slot, claims decided on the arbiter, a slot called off.
check "shifts closing list shows the closing day and its label" \
  test "$(shifts closing list --from 2025-01-01)" = "2025-03-31	Inventaire"
shifts closing remove 2025-03-31; rc=$?
check "shifts closing remove succeeds" test $rc -eq 0
check "and the day is no longer listed" test -z "$(shifts closing list --from 2025-01-01)"
shifts closing remove 2025-03-31 2>"$tmp/err"; rc=$?
check "removing a day that is not closed is refused" test $rc -eq 1
check "saying so" grep -q "is not a closing day" "$tmp/err"
shifts closing remove 31/03/2025 2>/dev/null; rc=$?
check "a day that is not a date is a usage error" test $rc -eq 2
check "generation makes the day's shifts again, with the squad's seat" \
  grep -qx "2 shifts made, 1 squad seats given" <(shifts generate --weeks 8 --from 2025-02-24)
shifts squad leave 1 --on 2025-03-10; rc=$?
check "shifts squad leave succeeds" test $rc -eq 0
check "the squad ends the day before" \
  test "$(scount "SELECT s.to_on FROM shift_squad s JOIN member m ON m.id = s.member_id WHERE m.number = 1")" = 2025-03-09
check "and the seat in the squad's next shift is given back" \
  grep -qP "^2025-03-31\tB\t09:00-12:00\tcashier\t0/2\t$" <(shifts list --from 2025-03-31 --days 1 | cut -f2-)
shifts squad leave 1 --on 2025-03-10 2>"$tmp/err"; rc=$?
check "leaving twice is refused" test $rc -eq 1
check "saying the member is in no squad" grep -q "in no squad" "$tmp/err"
extra=$(shifts slot add 2025-03-31 8:00 10h other 1); rc=$?
check "shifts slot add succeeds" test $rc -eq 0
check "and prints the slot's id" grep -Eq '^[0-9a-f]{8}-' <<<"$extra"
check "a one-off slot has no template" \
  test "$(scount "SELECT ifnull (template_id, '-') || ' ' || day || ' ' || start_minute || '-' || end_minute || ' ' || job || ' ' || capacity FROM shift_slot WHERE id = '$extra'")" = "- 2025-03-31 480-600 other 1"
check "and is in the planning" grep -qP "^$extra\t2025-03-31\tB\t08:00-10:00\tother\t0/1" <(shifts list --from 2025-03-31 --days 1)
shifts slot add 2025-03-31 8:00 10h gardening 1 2>/dev/null; rc=$?
check "an unknown job is a usage error" test $rc -eq 2
shifts slot add 2025-03-31 10:00 8:00 other 1 2>"$tmp/err"; rc=$?
check "a slot that ends before it starts is refused" test $rc -eq 1
check "saying how hours go" grep -q "ends after it starts" "$tmp/err"
"$cli" --db "$sdb" settings shift.arbiter hub-device
check "off the arbiter, a booking is pending" grep -q "pending$" <(shifts book "$extra" 2 --now "2025-03-01 10:00")
check "and another one for the same seat too" grep -q "pending$" <(shifts book "$extra" 4 --now "2025-03-01 10:05")
shifts decide 2>"$tmp/err"; rc=$?
check "shifts decide off the arbiter is refused" test $rc -eq 1
check "saying where claims are decided" grep -q "Another machine decides" "$tmp/err"
"$cli" --db "$sdb" settings shift.arbiter ""
check "on the arbiter, shifts decide gives the seat to the first claim" \
  test "$(shifts decide)" = "1 accepted, 1 refused"
check "which holds it" grep -qP "\t1/1\t2 Paul Langevin$" <(shifts list --from 2025-03-31 --days 1)
# Into a file, not <(…): sqlite3 must not read while the command still runs.
shifts closing add 2025-03-31 "Inventaire" >"$tmp/out"
check "closing the day again cancels its three shifts" grep -qx "3 shifts cancelled" "$tmp/out"
check "and gives the seat back without penalty" \
  test "$(scount "SELECT r.kind FROM shift_release r JOIN shift_claim c ON c.id = r.claim_id WHERE c.slot_id = '$extra'")" = closed
late=$(shifts slot add 2025-04-01 18:00 21:00 cleaning 4)
shifts slot cancel "$late"; rc=$?
check "shifts slot cancel succeeds" test $rc -eq 0
check "and the slot says so" grep -q "\[cancelled\]$" <(shifts list --from 2025-04-01 --days 1)
shifts slot cancel 01234567-89ab-7cde-8f01-23456789abcd 2>/dev/null; rc=$?
check "cancelling an unknown slot is refused" test $rc -eq 1

shifts list --now "yesterday" 2>/dev/null; rc=$?
check "a --now that is not a time is a usage error" test $rc -eq 2

# Suppliers: their catalogues from their own files, sale prices from
# purchase prices, and an order suggested from the sales.
pdb=$tmp/suppliers.db
supplier () { "$cli" --db "$pdb" supplier "$@"; }
order () { "$cli" --db "$pdb" order "$@"; }
pcount () { sqlite3 "$pdb" "$1"; }
"$cli" --db "$pdb" init >/dev/null
printf 'code;nom;ean;prix;tva\nMUE;Muesli croustillant;3760012345014;3,50;5,5\nJUS;Jus de pomme;3760012345021;2,20;5,5\nPAT;Pâtes complètes;;1,60;5,5\n' >"$tmp/ours.csv"
"$cli" --db "$pdb" product import "$tmp/ours.csv" >/dev/null
supplier add "Relais Vert" --email commandes@relais-vert.example --order-days "lundi, jeudi" --lead-days 2 \
  --min-order 50 --franco 250 >"$tmp/sid"; rc=$?
check "supplier add succeeds" test $rc -eq 0
check "and prints the supplier's id" grep -Eq '^[0-9a-f]{8}-' "$tmp/sid"
check "order days are kept as ISO weekdays, amounts in cents" \
  test "$(pcount "SELECT order_days || ' ' || lead_days || ' ' || min_order_cents || ' ' || franco_cents FROM supplier")" = "1,4 2 5000 25000"
supplier add "Ferme" --email "pas une adresse" 2>"$tmp/err"; rc=$?
check "a wrong e-mail address is refused" test $rc -eq 1
check "saying what one looks like" grep -q "is not an e-mail address" "$tmp/err"
supplier add --lead-days 2 2>/dev/null; rc=$?
check "supplier add without a name is a usage error" test $rc -eq 2
check "supplier list shows the order days for people" grep -qP "\tRelais Vert\tMonday, Thursday\t2$" <(supplier list)
supplier import "relais vert" "$data/supplier-relais-vert-1252.csv" --dry-run >"$tmp/dry"; rc=$?
check "a trial import of a Windows-1252 catalogue succeeds" test $rc -eq 0
check "and writes nothing" test "$(pcount 'SELECT count(*) FROM supplier_product')" = 0
supplier import "Relais Vert" "$data/supplier-relais-vert-1252.csv" >"$tmp/imp"; rc=$?
check "supplier import succeeds" test $rc -eq 0
check "the catalogue is in" test "$(pcount 'SELECT count(*) FROM supplier_product')" = 5
check "lines with our barcodes are linked" grep -q "^2 lines linked to our products by their barcode" "$tmp/imp"
check "supplier show names the columns saved for next time" \
  grep -q "^Catalogue columns: ref=Code article, barcode=EAN" <(supplier show "Relais Vert")
supplier import "Relais Vert" "$data/supplier-errors.csv" >"$tmp/bad"; rc=$?
check "a catalogue with bad lines fails" test $rc -eq 1
check "the report names the line" grep -q "^Line 3: " "$tmp/bad"
check "nothing of it is written" test "$(pcount "SELECT count(*) FROM supplier_product WHERE supplier_ref LIKE 'E-%'")" = 0
supplier add "Ferme des Quatre Vents" >/dev/null
supplier import "Ferme des Quatre Vents" "$data/supplier-ferme-utf8.csv" 2>"$tmp/err"; rc=$?
check "columns that cannot be recognised are asked for" test $rc -eq 1
check "with an example of a mapping" grep -q "ref=Réf,name=Désignation" "$tmp/err"
supplier import "Ferme des Quatre Vents" "$data/supplier-ferme-utf8.csv" --map "pack=Cagette,pack-price=Prix cagette HT" >/dev/null; rc=$?
check "with --map the producer's list is imported" test $rc -eq 0
check "a crate's price is shared by its kilos" \
  test "$(pcount "SELECT pack_milli || ' ' || price_cents FROM supplier_product WHERE supplier_ref = 'POM-G'")" = "5000 250"
check "the next import proposes the saved mapping" \
  grep -q "^Columns saved at the last import" <(supplier import "Ferme des Quatre Vents" "$data/supplier-ferme-utf8.csv" --dry-run)
supplier link "Relais Vert" RV-300 PAT >/dev/null; rc=$?
check "supplier link succeeds" test $rc -eq 0
check "the catalogue line is our product" \
  test "$(pcount "SELECT p.code FROM supplier_product s JOIN product p ON p.id = s.product_id WHERE s.supplier_ref = 'RV-300'")" = PAT
supplier link "Relais Vert" RV-999 PAT 2>/dev/null; rc=$?
check "linking an unknown reference fails" test $rc -eq 1

"$cli" --db "$pdb" prices preview --supplier "Relais Vert" >"$tmp/prices"; rc=$?
check "prices preview succeeds" test $rc -eq 0
check "2.45 HT × 1.20 with 5.5 % VAT sells at 3.10" \
  grep -qP "^MUE\tMuesli croustillant\t3.50\t3.10\t2.45\t×1.20 \(shop\)\tRelais Vert$" "$tmp/prices"
check "a preview writes nothing" test "$(pcount 'SELECT count(*) FROM price_change')" = 0
"$cli" --db "$pdb" prices apply >"$tmp/applied"; rc=$?
check "prices apply succeeds" test $rc -eq 0
check "and says how many" grep -qx "3 sale prices changed." "$tmp/applied"
check "the sale price is the new one" test "$(pcount "SELECT price_cents FROM product WHERE code = 'MUE'")" = 310
check "each change is a dated fact" \
  test "$(pcount "SELECT count(*) FROM price_change WHERE reason = 'markup' AND at LIKE '____-__-__T%'")" = 3

printf '{"lines":[{"barcode":"3760012345014","qty":12}],"payments":[{"method":"cash","amount":"50"}]}' \
  | "$cli" --db "$pdb" sale --till T1 >/dev/null 2>&1
order suggest "Relais Vert" >"$tmp/suggest"; rc=$?
check "order suggest succeeds" test $rc -eq 0
check "a case of muesli, with why" grep -qP "^RV-100\tMuesli croustillant\t1\t6\tSold 1.5 a week over the last 8 weeks, 0 in stock; " "$tmp/suggest"
check "nothing of what did not sell" grep -qP "^RV-300\tPâtes complètes\t0\t0\tNot sold in the last 8 weeks" "$tmp/suggest"
order suggest "Relais Vert" --weeks 0 2>/dev/null; rc=$?
check "--weeks 0 is a usage error" test $rc -eq 2
check "order create --from-suggestion prints the number" test "$(order create "Relais Vert" --from-suggestion)" = C-0001
check "the suggestion is kept beside the decision" \
  test "$(pcount "SELECT packs || ' ' || quantity_milli || ' ' || suggested_milli FROM purchase_order_line")" = "1 6000 6000"
order set C-0001 RV-300 2; rc=$?
check "order set succeeds" test $rc -eq 0
order set C-0001 RV-999 2 2>/dev/null; rc=$?
check "an unknown reference is refused" test $rc -eq 1
order show 1 >"$tmp/order"; rc=$?
check "order show succeeds" test $rc -eq 0
check "order show lists the lines" grep -qP "^RV-300\tPâtes complètes\t2\t24\t0.99\t-$" "$tmp/order"
check "and warns under the minimum order" grep -q "^Warning: The order comes to 38.46 € excluding VAT, under the minimum" "$tmp/order"
order send C-0001 >"$tmp/sent" 2>"$tmp/err"; rc=$?
check "order send succeeds" test $rc -eq 0
check "with the delivery date" grep -qx "C-0001 sent, expected on $(date -d '2 days' +%Y-%m-%d)." "$tmp/sent"
check "and the warnings" grep -q "franco" "$tmp/err"
order set C-0001 RV-300 3 2>"$tmp/err"; rc=$?
check "a sent order cannot change" test $rc -eq 1
order export C-0001 "$tmp/order.csv"; rc=$?
check "order export succeeds" test $rc -eq 0
check "the CSV is what a French spreadsheet reads" \
  cmp -s "$tmp/order.csv" <(printf '\xef\xbb\xbfSupplier reference;Name;Packs;Units;Unit price excl. VAT\r\nRV-100;Muesli croustillant;1;6;2,45\r\nRV-300;Pâtes complètes;2;24;0,99\r\n')
order show C-0042 2>/dev/null; rc=$?
check "an unknown order fails" test $rc -eq 1

# Markups: the coefficient as people type it, for a product, a category
# or the whole shop; sale prices follow only when applied.
prices () { "$cli" --db "$pdb" prices "$@"; }
printf 'code;nom;ean;prix;tva;catégorie\nCAF;Café moulu;3760012345052;4,50;5,5;Épicerie\n' >"$tmp/cafe.csv"
"$cli" --db "$pdb" product import "$tmp/cafe.csv" >/dev/null
supplier link "Relais Vert" RV-500 CAF >/dev/null
check "prices markup --product shows the shop's coefficient by default" \
  test "$(prices markup --product CAF)" = "CAF Café moulu: ×1.20, the shop’s"
prices markup --category épicerie 1,3 >"$tmp/out"; rc=$?
check "prices markup --category takes a coefficient with a comma" test $rc -eq 0
check "and stores its markup in basis points" \
  test "$(pcount "SELECT markup_bp FROM category WHERE name = 'Épicerie'")" = 3000
check "and says the prices follow once applied" grep -q "“prices apply” changes them" "$tmp/out"
check "the category's coefficient is shown as where it comes from, found by barcode" \
  test "$(prices markup --product 3760012345052)" = "CAF Café moulu: ×1.30, its category’s (Épicerie)"
prices markup --product MUE "×1,25" >"$tmp/out"; rc=$?
check "prices markup --product takes ×1,25" test $rc -eq 0
check "and stores the product's own markup" test "$(pcount "SELECT markup_bp FROM product WHERE code = 'MUE'")" = 2500
check "and shows it as its own" grep -qx "MUE Muesli croustillant: ×1.25, its own" "$tmp/out"
prices markup --product MUE x1.3 >/dev/null
check "x1.3 is 3000" test "$(pcount "SELECT markup_bp FROM product WHERE code = 'MUE'")" = 3000
prices markup --product MUE abc 2>"$tmp/err"; rc=$?
check "a coefficient that is not a number is refused" test $rc -eq 1
check "saying what a coefficient is" grep -q "“abc” is not a coefficient" "$tmp/err"
prices markup --product MUE 0,9 2>"$tmp/err"; rc=$?
check "a coefficient under 1 is refused" test $rc -eq 1
check "and nothing is stored" test "$(pcount "SELECT markup_bp FROM product WHERE code = 'MUE'")" = 3000
prices markup --product 3760012345014 none >/dev/null; rc=$?
check "none removes the product's own markup" \
  test "$rc $(pcount "SELECT markup_bp IS NULL FROM product WHERE code = 'MUE'")" = "0 1"
prices markup --shop 1.50 >/dev/null; rc=$?
check "prices markup --shop stores the shop's setting" \
  test "$rc $(pcount "SELECT value FROM setting WHERE id = 'stock.default-markup'")" = "0 5000"
check "prices markup --shop alone shows it" \
  grep -qx "Shop: ×1.50, for products without their own or their category’s" <(prices markup --shop)
check "a product without its own nor a category's takes the shop's" \
  test "$(prices markup --product MUE)" = "MUE Muesli croustillant: ×1.50, the shop’s"
prices markup --shop none 2>/dev/null; rc=$?
check "the shop cannot have none" \
  test "$rc $(pcount "SELECT value FROM setting WHERE id = 'stock.default-markup'")" = "1 5000"
prices markup --category Légumes 1,2 2>/dev/null; rc=$?
check "an unknown category is refused" test $rc -eq 1
prices markup --product MUE --shop 1,2 2>/dev/null; rc=$?
check "a product and the shop at once is a usage error" test $rc -eq 2
check "the sale price follows the category's coefficient: 3.12 × 1.30 with 5.5 % VAT is 4.28" \
  grep -qP "^CAF\tCafé moulu\t4.50\t4.28\t3.12\t×1.30 \(category\)\tRelais Vert$" <(prices preview)
prices markup --category Épicerie none >"$tmp/out"; rc=$?
check "none removes the category's markup" \
  test "$rc $(pcount "SELECT markup_bp IS NULL FROM category WHERE name = 'Épicerie'")" = "0 1"
check "and says the shop's applies" grep -qx "Épicerie: none of its own, the shop’s ×1.50 applies" "$tmp/out"

# Stock: corrections at a cost, losses, a transfer, the check and the
# lists, then an inventory count while the shop sells.
kdb=$tmp/stock.db
stock () { "$cli" --db "$kdb" stock "$@"; }
inventory () { "$cli" --db "$kdb" inventory "$@"; }
kcount () { sqlite3 "$kdb" "$1"; }
"$cli" --db "$kdb" init >/dev/null
printf 'code;nom;ean;prix;tva;unité;catégorie\nEP-1;Pâtes penne;3017620422003;2,35;5,5;pièce;Épicerie\nEP-2;Riz basmati;;3,10;5,5;pièce;Épicerie\nVR-1;Lentilles vrac;;4,20;5,5;kg;Vrac\nVR-2;Lentilles sachet 500 g;;2,40;5,5;pièce;Épicerie\n' >"$tmp/stock.csv"
"$cli" --db "$kdb" product import "$tmp/stock.csv" >/dev/null
stock correct EP-1 24 --cost 1,20 --note "Stock de départ" >/dev/null; rc=$?
check "stock correct brings in the starting stock at a cost" test $rc -eq 0
stock correct VR-1 12,5 --cost 2,10 --note "Stock de départ" >/dev/null
stock correct EP-1 2 >/dev/null 2>&1; rc=$?
check "a correction without a note is a usage error" test $rc -eq 2
stock loss VR-1 "350 g" --reason breakage --note "Sac percé" >"$tmp/out"; rc=$?
check "stock loss takes grams" test $rc -eq 0
check "and says what is left" grep -qx "Lentilles vrac: 12.150 kg in stock" "$tmp/out"
stock loss EP-1 2 --reason stolen 2>"$tmp/err"; rc=$?
check "an unknown loss reason is refused" test $rc -eq 1
check "saying which reasons there are" grep -q "breakage, expired or theft" "$tmp/err"
stock loss EP-1 1,5 2>"$tmp/err"; rc=$?
check "half a piece is refused" test $rc -eq 1
check "saying how to type pieces" grep -q "whole number" "$tmp/err"
stock transfer VR-1 "1 kg" VR-2 2 --note Ensachage >"$tmp/out"; rc=$?
check "stock transfer repacks one product into another" test $rc -eq 0
check "the bags are in stock" grep -qx "Lentilles sachet 500 g: 2 in stock" "$tmp/out"
printf '{"lines":[{"barcode":"3017620422003","qty":3}],"payments":[{"method":"card","amount":"7.05"}]}' \
  | "$cli" --db "$kdb" sale --till T1 >/dev/null 2>&1
stock show 3017620422003 >"$tmp/show"; rc=$?
check "stock show by barcode succeeds" test $rc -eq 0
check "with the stock after the sale" grep -qx "Stock: 21" "$tmp/show"
check "its value at average cost" grep -qx "Value: 25.20 € (average cost 1.20 € per piece)" "$tmp/show"
check "and the movements, newest first" \
  test "$(sed -n '/^Last movements:/,$p' "$tmp/show" | sed -n 2p | cut -f2,3)" = "$(printf 'Sale\t-3')"
check "a sale does not touch the balances: nothing folded yet" test "$(kcount 'SELECT count(*) FROM stock_balance')" = 0
check "stock fold folds every movement" test "$(stock fold)" = "6 movements folded"
check "stock value adds up the value at average cost" \
  test "$(stock value)" = "Stock value: 50.71 € for 3 products in stock"
stock min EP-1 30 && stock min VR-1 none; rc=$?
check "stock min sets a minimum" test $rc -eq 0
check "stock low lists what is below it" test "$(stock low | cut -f1,3,4 | tr '\t' ' ')" = "EP-1 21 30"
check "nothing is unsold after a day" test -z "$(stock unsold --weeks 8)"
check "nothing received with a date, nothing expiring" test -z "$(stock expiring --days 7)"
check "stock check passes" grep -q "matches" <(stock check)
sqlite3 "$kdb" "UPDATE stock_balance SET quantity_milli = quantity_milli + 1000 WHERE product_id = (SELECT id FROM product WHERE code = 'EP-1')"
stock check >"$tmp/out" 2>"$tmp/err"; rc=$?
check "stock check fails on a balance edited with sqlite3" test $rc -eq 1
check "naming the product, stored against proven" grep -qP "^$(kcount "SELECT id FROM product WHERE code = 'EP-1'")\t22000\t21000\t" "$tmp/out"
check "and says how to repair" grep -q "fold --rebuild" "$tmp/err"
stock fold --rebuild >/dev/null && stock check >/dev/null; rc=$?
check "rebuilt, it passes again" test $rc -eq 0

count_id=$(inventory start "Rayon épicerie" --category épicerie); rc=$?
check "inventory start prints the count's id" grep -Eq '^[0-9a-f]{8}-' <<<"$count_id"
inventory count "$count_id" 3017620422003 15 >/dev/null && inventory count "$count_id" EP-1 >"$tmp/out"; rc=$?
check "inventory count by barcode, then one more by code, add up" grep -qx "Pâtes penne: 16 counted" "$tmp/out"
printf '{"lines":[{"code":"EP-1","qty":2}],"payments":[{"method":"card","amount":"4.70"}]}' \
  | "$cli" --db "$kdb" sale --till T1 >/dev/null 2>&1
inventory show "$count_id" >"$tmp/out"; rc=$?
check "inventory show: counted, expected when counted, difference" grep -qP "^EP-1\tPâtes penne\t16\t21\t-5$" "$tmp/out"
inventory validate "$count_id" >"$tmp/out"; rc=$?
check "inventory validate succeeds" test $rc -eq 0
check "and sums it up" grep -qx "1 product counted, 1 adjusted (-6.00 € at average cost)" "$tmp/out"
check "listing what was not counted, left alone" grep -qP "^VR-2\tLentilles sachet 500 g\t2\t" "$tmp/out"
check "the sale during the count is not counted twice" grep -qx "Stock: 14" <(stock show EP-1)
inventory count "$count_id" EP-1 1 2>"$tmp/err"; rc=$?
check "a validated count takes no more entries" test $rc -eq 1
inventory start "Vrac" --category Légumes 2>"$tmp/err"; rc=$?
check "an unknown category is refused" test $rc -eq 1
check "the movements still prove the balances" grep -q "matches" <(stock check)

# Receiving a delivery against its order, in a shop of its own: the
# supplier's catalogue, the order, cases and units scanned, a weight
# label, a barcode nobody knows linked on the spot, a short delivery.
rdb=$tmp/receive.db
receive () { "$cli" --db "$rdb" receive "$@"; }
rcount () { sqlite3 "$rdb" "$1"; }
"$cli" --db "$rdb" init >/dev/null
printf 'code;nom;ean;prix;tva;unite\nPEN;Penne complètes;3017620422003;2,35;5,5;piece\nCOMTE;Comté 18 mois;3760001000023;25,90;5,5;kg\nCONF;Confiture d abricots;3760001000030;3,80;5,5;piece\nLENT;Lentilles vertes;3760001000047;3,20;5,5;piece\n' \
  >"$tmp/receive-products.csv"
"$cli" --db "$rdb" product import "$tmp/receive-products.csv" >/dev/null
"$cli" --db "$rdb" supplier add "Relais Vert" >/dev/null
"$cli" --db "$rdb" supplier import "Relais Vert" "$data/receipt-catalogue.csv" >/dev/null
order=$("$cli" --db "$rdb" order create "Relais Vert")
for line in "PEN500 4" "COMTE18 2" "CONF370 1" "LENT1K 3"; do
  "$cli" --db "$rdb" order set "$order" $line >/dev/null
done
"$cli" --db "$rdb" order send "$order" >/dev/null
rid=$(receive start "Relais Vert" --order "$order"); rc=$?
check "receive start succeeds" test $rc -eq 0
check "and prints the receipt's id" grep -Eq '^[0-9a-f]{8}-[0-9a-f]{4}-7' <<<"$rid"
check "starting the same order again resumes its receipt" \
  test "$(receive start "Relais Vert" --order "$order" 2>/dev/null)" = "$rid"
receive scan "$rid" PEN500 PEN500 PEN500 PEN500 >"$tmp/scan.out"; rc=$?
check "receive scan succeeds" test $rc -eq 0
check "one line per code" test "$(wc -l <"$tmp/scan.out")" -eq 4
check "a supplier's reference counts a case" grep -qP '^Penne complètes\t6 \(1 case\)/24 \(4 cases\)\tshort\t\+1 case$' "$tmp/scan.out"
check "the fourth case completes the line" grep -qP '^Penne complètes\t24 \(4 cases\)/24 \(4 cases\)\tcomplete' "$tmp/scan.out"
check "one more bottle is more than ordered" \
  grep -qP '^Penne complètes\t25 \(4 cases \+ 1\)/24 \(4 cases\)\tmore than ordered$' <(receive scan "$rid" 3017620422003)
check "and a negative count takes it back" grep -qP '\t24 \(4 cases\)/24 \(4 cases\)\tcomplete$' <(receive count "$rid" 3017620422003 -1)
receive scan "$rid" 3760001000993 >"$tmp/scan.out"; rc=$?
check "an unknown barcode counts nothing" test $rc -eq 1
check "and says how to link it" grep -q "unknown.*receive link $rid 3760001000993 PRODUCT_CODE" "$tmp/scan.out"
check "receive link counts it on the product's line" \
  grep -qP '^Confiture d abricots\t1/6 \(1 case\)\tshort$' <(receive link "$rid" 3760001000993 CONF)
check "and the new barcode is the product's from then on" \
  grep -qP '\t6 \(1 case\)/6 \(1 case\)\tcomplete$' <(receive count "$rid" 3760001000993 5)
check "a GS1-128 label gives a crate's weight and lot" \
  grep -qP '^Comté 18 mois\t5.120 kg/10.000 kg\tshort$' <(receive scan "$rid" "]C1010376000100002331030051201"0C42)
receive scan "$rid" 3760001000023 >"$tmp/scan.out"; rc=$?
check "a weighed product without a weight asks for it" grep -q "sold by weight: comptoir-cli receive count" "$tmp/scan.out"
check "and counts nothing" test $rc -eq 1
check "receive count takes the weight" grep -qP '\t10.100 kg/10.000 kg\tmore than ordered$' <(receive count "$rid" COMTE 4,98)
check "two cases of lentils of three" grep -qP '\t20 \(2 cases\)/30 \(3 cases\)\tshort' <(receive scan "$rid" LENT1K LENT1K | tail -1)
check "receive list shows the open receipt" grep -qP "^$rid\tRelais Vert\t$order\t" <(receive list)
receive show "$rid" >"$tmp/show.out"; rc=$?
check "receive show succeeds" test $rc -eq 0
check "with the lot of the cheese" grep -qP '^Comté 18 mois\t.*\tC42 5.120 kg' "$tmp/show.out"
receive validate "$rid" >"$tmp/validate.out"; rc=$?
check "receive validate succeeds" test $rc -eq 0
check "and lists what is missing" \
  grep -qxP 'missing\tLentilles vertes: 10 \(1 case\) missing \(20 \(2 cases\) received of 30 \(3 cases\) ordered\)' "$tmp/validate.out"
check "and what came in excess" grep -qP '^extra\tComté 18 mois: 0.100 kg more than ordered' "$tmp/validate.out"
check "and how many, for the claim" grep -q "with 2 discrepancies kept for the claim" "$tmp/validate.out"
check "the goods are in stock" \
  test "$(rcount "SELECT group_concat (p.code || '=' || m.quantity_milli, ' ') FROM (SELECT * FROM stock_movement ORDER BY quantity_milli) m JOIN product p ON p.id = m.product_id WHERE m.reason = 'receipt'")" = "CONF=6000 COMTE=10100 LENT=20000 PEN=24000"
check "and the order is received" test "$(rcount "SELECT status FROM purchase_order WHERE number = '$order'")" = received
receive scan "$rid" PEN500 2>"$tmp/err" >/dev/null; rc=$?
check "a validated receipt takes no more scans" test $rc -eq 1
check "saying so" grep -q "already validated" "$tmp/err"
other=$(receive start "Relais Vert")
receive scan "$other" 3017620422003 >/dev/null
check "receive cancel succeeds" grep -q "nothing was put in stock" <(receive cancel "$other")
check "and the list is empty" test -z "$(receive list)"
receive show 01234567-89ab-7cde-8f01-23456789abcd 2>"$tmp/err"; rc=$?
check "an unknown receipt is refused" test $rc -eq 1
check "saying what to do" grep -q "List the open receipts" "$tmp/err"
receive scan "$rid" 2>/dev/null; rc=$?
check "receive scan without a code is a usage error" test $rc -eq 2

head -c 4096 /dev/urandom >"$tmp/garbage.db"
"$cli" --db "$tmp/garbage.db" init 2>"$tmp/err"; rc=$?
check "a file that is not a Comptoir database is refused" test $rc -eq 1
check "with a clear message" grep -q "not a Comptoir database" "$tmp/err"

"$cli" --db "$db" frobnicate 2>/dev/null; rc=$?
check "an unknown command is a usage error" test $rc -eq 2

echo "1..$n"
exit $((failed > 0))
