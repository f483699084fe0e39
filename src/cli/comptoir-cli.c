/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <unistd.h>
#include <gio/gunixinputstream.h>

#include <json-glib/json-glib.h>

#include "comptoir-core.h"
#include "comptoir-cli-member.h"
#include "comptoir-cli-private.h"
#include "comptoir-cli-receipt.h"
#include "comptoir-cli-receive.h"
#include "comptoir-cli-shifts.h"
#include "comptoir-cli-stock.h"
#include "comptoir-cli-supplier.h"

/* comptoir-cli: the headless face of the same core services the app
 * uses, for set-up, scripting and support. */

typedef struct {
  const char *name;
  const char *summary;
  int (*run) (ComptoirDb *db, int argc, char **argv);
} Command;

static char *opt_db;

static void
print_error (const char *message)
{
  /* Translators: %s is an error message */
  g_printerr (_("comptoir-cli: %s\n"), message);
}

int
comptoir_cli_fail (GError *error)
{
  print_error (error->message);
  g_error_free (error);
  return 1;
}

static void
print_product (ComptoirProduct *product)
{
  const char * const *barcodes = comptoir_product_get_barcodes (product);
  g_autofree char *price = comptoir_money_format (comptoir_product_get_price_cents (product));
  int vat = comptoir_product_get_vat_bp (product);
  g_autofree char *vat_text = vat % 100 == 0 ? g_strdup_printf ("%d", vat / 100)
                                             : g_strdup_printf ("%d.%d", vat / 100, (vat % 100) / 10);

  /* id, barcode, name, price, VAT — tab-separated for scripts. */
  g_print ("%s\t%s\t%s\t%s\t%s\n",
           comptoir_product_get_id (product),
           barcodes != NULL && barcodes[0] != NULL ? barcodes[0] : "-",
           comptoir_product_get_name (product),
           price, vat_text);
}

static int
cmd_init (ComptoirDb *db,
          int         argc,
          char      **argv)
{
  if (argc != 0)
    return 2;
  /* Opening created and migrated the file. */
  g_print (_("Database ready: %s (data version %d, device %s)\n"),
           comptoir_db_get_path (db), comptoir_db_get_schema_version (db),
           comptoir_db_get_device_id (db));
  return 0;
}

static void
demo_progress (guint    done,
               guint    total,
               gpointer user_data)
{
  if (isatty (fileno (stderr)))
    g_printerr ("\r%u / %u", done, total);
}

static int
cmd_demo (ComptoirDb *db,
          int         argc,
          char      **argv)
{
  int products = 2000, members = 300;
  gint64 seed = 1;
  const GOptionEntry entries[] = {
    { "products", 0, 0, G_OPTION_ARG_INT, &products, N_("Number of products"), "N" },
    { "members", 0, 0, G_OPTION_ARG_INT, &members, N_("Number of members"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("Seed: the same seed makes the same shop"), "S" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  ComptoirDemoOptions options = { 0 };
  gint64 start = g_get_monotonic_time ();

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  argc++;
  argv--;
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  if (argc != 1 || products < 0 || members < 0)
    return 2;

  options.n_products = products;
  options.n_members = members;
  options.seed = seed;
  if (!comptoir_demo_generate (db, &options, demo_progress, NULL, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));

  if (isatty (fileno (stderr)))
    g_printerr ("\r");
  g_print (_("Demo shop created in %s: %d products and %d members in %.1f s\n"),
           comptoir_db_get_path (db), products, members,
           (g_get_monotonic_time () - start) / 1e6);
  g_print (_("At the till: Claire (manager, PIN 1234), Anne (PIN 2580), Bruno (PIN 1357).\n"));
  return 0;
}

static int
product_search (ComptoirCatalog *catalog,
                const char      *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) rowids = comptoir_catalog_search (catalog, text, COMPTOIR_PRODUCT_SORT_NAME, FALSE, &error);

  if (rowids == NULL)
    return comptoir_cli_fail (g_steal_pointer (&error));

  for (guint i = 0; i < rowids->len; i++)
    {
      g_autoptr (ComptoirProduct) product =
        comptoir_catalog_get_by_rowid (catalog, g_array_index (rowids, gint64, i), &error);
      if (product == NULL)
        return comptoir_cli_fail (g_steal_pointer (&error));
      print_product (product);
    }
  return 0;
}

static int
product_get (ComptoirCatalog *catalog,
             const char      *code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProduct) product = comptoir_catalog_lookup (catalog, code, &error);

  if (product == NULL)
    return comptoir_cli_fail (g_steal_pointer (&error));
  print_product (product);
  return 0;
}

static int
product_import (ComptoirCatalog *catalog,
                int              argc,
                char           **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (ComptoirImportReport) report = NULL;
  g_autofree char *text = NULL;
  gboolean dry_run = FALSE;
  const char *path = NULL;

  for (int i = 0; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--dry-run"))
        dry_run = TRUE;
      else if (path == NULL)
        path = argv[i];
      else
        return 2;
    }
  if (path == NULL)
    return 2;

  file = g_file_new_for_commandline_arg (path);
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes == NULL)
    return comptoir_cli_fail (g_steal_pointer (&error));

  report = comptoir_product_import (catalog, bytes, dry_run, &error);
  if (report == NULL)
    return comptoir_cli_fail (g_steal_pointer (&error));

  text = comptoir_import_report_format (report);
  g_print ("%s\n", text);
  return comptoir_import_report_get_n_rejected (report) > 0 ? 1 : 0;
}

static int
cmd_product (ComptoirDb *db,
             int         argc,
             char      **argv)
{
  g_autoptr (ComptoirCatalog) catalog = comptoir_catalog_new (db);

  if (argc == 2 && g_str_equal (argv[0], "search"))
    return product_search (catalog, argv[1]);
  if (argc == 2 && g_str_equal (argv[0], "get"))
    return product_get (catalog, argv[1]);
  if (argc >= 2 && g_str_equal (argv[0], "import"))
    return product_import (catalog, argc - 1, argv + 1);
  return 2;
}

ComptoirCategory *
comptoir_cli_find_category (ComptoirDb  *db,
                            const char  *name,
                            GError     **error)
{
  g_autoptr (ComptoirCatalog) catalog = comptoir_catalog_new (db);
  g_autoptr (GPtrArray) categories = comptoir_catalog_list_categories (catalog, error);
  g_autofree char *wanted = g_utf8_casefold (name, -1);

  if (categories == NULL)
    return NULL;
  for (guint i = 0; i < categories->len; i++)
    {
      ComptoirCategory *c = g_ptr_array_index (categories, i);
      g_autofree char *folded = g_utf8_casefold (c->name, -1);

      if (g_str_equal (folded, wanted))
        return g_ptr_array_steal_index (categories, i);
    }
  g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
               _("No category is named “%s”: check its spelling in the catalogue."), name);
  return NULL;
}

int
comptoir_cli_usage_error (const char *message)
{
  print_error (message);
  return 2;
}

/* --till CODE and friends, after the command's own name. */
const char *
comptoir_cli_option_value (int         argc,
              char      **argv,
              const char *name)
{
  for (int i = 0; i + 1 < argc; i++)
    if (g_str_equal (argv[i], name))
      return argv[i + 1];
  return NULL;
}

gboolean
comptoir_cli_has_flag (int          argc,
                       char       **argv,
                       const char  *flag)
{
  for (int i = 0; i < argc; i++)
    if (g_str_equal (argv[i], flag))
      return TRUE;
  return FALSE;
}

const char *
comptoir_cli_argument (int                 argc,
                       char              **argv,
                       const char * const *flags,
                       int                 n)
{
  for (int i = 0; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--"))
        {
          if (flags == NULL || !g_strv_contains (flags, argv[i]))
            i++;
          continue;
        }
      if (n-- == 0)
        return argv[i];
    }
  return NULL;
}

int
comptoir_cli_count_arguments (int                 argc,
                              char              **argv,
                              const char * const *flags)
{
  int n = 0;

  while (comptoir_cli_argument (argc, argv, flags, n) != NULL)
    n++;
  return n;
}

static gint64
json_amount (JsonObject *object,
             const char *member,
             gboolean   *ok)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 cents = 0;

  *ok = FALSE;
  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE)
    return 0;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    *ok = comptoir_money_parse (json_node_get_string (node), &cents);
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      cents = json_node_get_int (node);  /* an integer is in cents */
      *ok = TRUE;
    }
  return cents;
}

/* Pieces by "qty"; weighed and measured goods in "grams" or "ml". */
static gint64
json_quantity (JsonObject *line,
               gint64      otherwise)
{
  if (json_object_has_member (line, "grams"))
    return json_object_get_int_member (line, "grams");
  if (json_object_has_member (line, "ml"))
    return json_object_get_int_member (line, "ml");
  if (json_object_has_member (line, "qty"))
    return 1000 * json_object_get_int_member (line, "qty");
  return otherwise;
}

/* A "barcode" goes through the till's own resolution: product barcodes,
 * scale labels (weight or price) and GS1 codes. */
static gboolean
add_json_line (ComptoirSale        *sale,
               ComptoirCatalog     *catalog,
               ComptoirScaleRules  *rules,
               JsonObject          *line,
               guint                index,
               GError             **error)
{
  g_auto (ComptoirScan) scan = { 0 };
  gint64 quantity, price;

  if (json_object_has_member (line, "barcode"))
    {
      if (!comptoir_scan_resolve (catalog, rules, json_object_get_string_member (line, "barcode"), &scan, error))
        goto fail;
    }
  else
    {
      if (json_object_has_member (line, "code"))
        scan.product = comptoir_catalog_lookup (catalog, json_object_get_string_member (line, "code"), error);
      else if (json_object_has_member (line, "product"))
        scan.product = comptoir_catalog_get_by_id (catalog, json_object_get_string_member (line, "product"), error);
      else
        g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                     _("it has no “barcode”, “code” or “product”."));
      if (scan.product == NULL)
        goto fail;
      scan.quantity_milli = 1000;
      scan.unit_price_cents = -1;
      scan.needs_weight = comptoir_product_get_unit (scan.product) != COMPTOIR_UNIT_PIECE;
    }

  if (scan.needs_weight && !json_object_has_member (line, "grams") && !json_object_has_member (line, "ml"))
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("“%s” is sold by weight: give its “grams” (or “ml”)."),
                   comptoir_product_get_name (scan.product));
      goto fail;
    }

  quantity = json_quantity (line, scan.quantity_milli);
  if (quantity == 0)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID, _("the quantity is zero."));
      goto fail;
    }
  price = scan.unit_price_cents >= 0 ? scan.unit_price_cents : comptoir_product_get_price_cents (scan.product);
  comptoir_sale_add_line (sale, comptoir_product_get_id (scan.product), comptoir_product_get_name (scan.product),
                          quantity, price, comptoir_product_get_vat_bp (scan.product));
  return TRUE;

fail:
  g_prefix_error (error, _("line %u: "), index + 1);
  return FALSE;
}

static ComptoirSale *
sale_from_json (ComptoirCatalog     *catalog,
                ComptoirScaleRules  *rules,
                JsonNode            *root,
                GError             **error)
{
  g_autoptr (ComptoirSale) sale = comptoir_sale_new ();
  JsonObject *object;
  JsonArray *lines, *payments;

  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member ((object = json_node_get_object (root)), "lines") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "lines")))
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("the ticket must be a JSON object with a “lines” array and a “payments” array."));
      return NULL;
    }

  lines = json_object_get_array_member (object, "lines");
  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      JsonNode *line = json_array_get_element (lines, i);

      if (!JSON_NODE_HOLDS_OBJECT (line))
        {
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("line %u is not a JSON object."), i + 1);
          return NULL;
        }
      if (!add_json_line (sale, catalog, rules, json_node_get_object (line), i, error))
        return NULL;
    }

  payments = json_object_has_member (object, "payments") ? json_object_get_array_member (object, "payments") : NULL;
  for (guint i = 0; payments != NULL && i < json_array_get_length (payments); i++)
    {
      JsonNode *node = json_array_get_element (payments, i);
      JsonObject *payment = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      gboolean ok = FALSE;
      gint64 amount = payment != NULL ? json_amount (payment, "amount", &ok) : 0;

      if (!ok || !json_object_has_member (payment, "method"))
        {
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("payment %u needs a “method” and an “amount” such as \"12.50\"."), i + 1);
          return NULL;
        }
      comptoir_sale_add_payment (sale, json_object_get_string_member (payment, "method"), amount);
    }

  if (json_object_has_member (object, "training"))
    comptoir_sale_set_training (sale, json_object_get_boolean_member (object, "training"));
  if (json_object_has_member (object, "cashier"))
    comptoir_sale_set_cashier (sale, json_object_get_string_member (object, "cashier"));

  return g_steal_pointer (&sale);
}

/* Records a sale read as JSON on standard input through the same core
 * path as the till, and prints its ticket number. */
static int
cmd_sale (ComptoirDb *db,
          int         argc,
          char      **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GInputStream) in = g_unix_input_stream_new (0, FALSE);
  g_autoptr (ComptoirCatalog) catalog = comptoir_catalog_new (db);
  g_autoptr (ComptoirSale) sale = NULL;
  g_autoptr (ComptoirScaleRules) rules = NULL;
  g_autofree char *till = NULL;
  g_auto (ComptoirCommittedTicket) ticket = { 0 };
  const char *code = comptoir_cli_option_value (argc, argv, "--till");

  if (code == NULL)
    return comptoir_cli_usage_error (_("sale needs --till CODE, and the ticket as JSON on standard input."));
  if (!(rules = comptoir_settings_load_scale_rules (db, &error)))
    return comptoir_cli_fail (g_steal_pointer (&error));

  if (!json_parser_load_from_stream (parser, in, NULL, &error))
    {
      g_prefix_error (&error, _("the ticket is not valid JSON: "));
      return comptoir_cli_fail (g_steal_pointer (&error));
    }
  sale = sale_from_json (catalog, rules, json_parser_get_root (parser), &error);
  if (sale == NULL)
    return comptoir_cli_fail (g_steal_pointer (&error));

  till = comptoir_till_ensure (db, code, &error);
  if (till == NULL || !comptoir_sale_commit (sale, db, till, &ticket, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));

  g_print ("%" G_GINT64_FORMAT "\n", ticket.number);
  if (ticket.change_cents > 0)
    {
      g_autofree char *change = comptoir_money_format (ticket.change_cents);
      g_printerr (_("Change to give: %s €\n"), change);
    }
  return 0;
}

static int
cmd_close (ComptoirDb *db,
           int         argc,
           char      **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *till = NULL;
  g_autofree char *report = NULL;
  g_auto (ComptoirClosure) closure = { 0 };
  const char *code = comptoir_cli_option_value (argc, argv, "--till");
  const char *period_name = comptoir_cli_option_value (argc, argv, "--period");
  ComptoirPeriod period;

  if (code == NULL || !comptoir_period_from_string (period_name, &period))
    return comptoir_cli_usage_error (_("close needs --till CODE and --period day, month or year."));

  till = comptoir_till_ensure (db, code, &error);
  if (till == NULL || !comptoir_fiscal_close (db, till, period, NULL, &closure, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));

  report = comptoir_closure_format_report (db, closure.id, &error);
  if (report == NULL)
    return comptoir_cli_fail (g_steal_pointer (&error));
  g_print ("%s", report);
  return 0;
}

static int
cmd_verify (ComptoirDb *db,
            int         argc,
            char      **argv)
{
  g_autoptr (GError) error = NULL;
  gint64 entries = 0;

  if (argc != 0)
    return 2;
  if (!comptoir_fiscal_verify (db, &entries, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  g_print (_("Fiscal journal intact: %lld entries checked.\n"), (long long) entries);
  return 0;
}

/* staff add prints the new id; staff list prints id, name and role,
 * tab-separated, sorted by name. */
static int
cmd_staff (ComptoirDb *db,
           int         argc,
           char      **argv)
{
  g_autoptr (GError) error = NULL;

  if (argc >= 1 && g_str_equal (argv[0], "add"))
    {
      const char *name = comptoir_cli_option_value (argc, argv, "--name");
      const char *pin = comptoir_cli_option_value (argc, argv, "--pin");
      g_autoptr (ComptoirStaff) staff = NULL;
      ComptoirStaffRole role;

      if (name == NULL || pin == NULL ||
          !comptoir_staff_role_from_string (comptoir_cli_option_value (argc, argv, "--role"), &role))
        return comptoir_cli_usage_error (_("staff add needs --name NAME, --role cashier or manager, and --pin PIN."));
      if (!(staff = comptoir_staff_create (db, name, role, pin, &error)))
        return comptoir_cli_fail (g_steal_pointer (&error));
      g_print ("%s\n", comptoir_staff_get_id (staff));
      return 0;
    }
  if (argc == 1 && g_str_equal (argv[0], "list"))
    {
      g_autoptr (GListModel) list = comptoir_staff_list_active (db, &error);

      if (list == NULL)
        return comptoir_cli_fail (g_steal_pointer (&error));
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr (ComptoirStaff) staff = g_list_model_get_item (list, i);
          g_print ("%s\t%s\t%s\n", comptoir_staff_get_id (staff), comptoir_staff_get_name (staff),
                   comptoir_staff_role_to_string (comptoir_staff_get_role (staff)));
        }
      return 0;
    }
  return 2;
}

/* audit list prints a till's events, oldest first: time, action, who,
 * approving manager and reason, tab-separated ("-" when none). */
static int
cmd_audit (ComptoirDb *db,
           int         argc,
           char      **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autofree char *till = NULL;
  const char *code = comptoir_cli_option_value (argc, argv, "--till");

  if (argc != 3 || !g_str_equal (argv[0], "list") || code == NULL)
    return 2;
  if (!(till = comptoir_till_lookup (db, code, &error)) ||
      !(events = comptoir_audit_list (db, till, NULL, NULL, &error)))
    return comptoir_cli_fail (g_steal_pointer (&error));

  for (guint i = 0; i < events->len; i++)
    {
      ComptoirAuditEvent *event = g_ptr_array_index (events, i);

      g_print ("%s\t%s\t%s\t%s\t%s\n", event->at, comptoir_audit_action_to_string (event->action),
               event->staff_name != NULL ? event->staff_name : "-",
               event->authorized_by_name != NULL ? event->authorized_by_name : "-",
               event->reason != NULL ? event->reason : "-");
    }
  return 0;
}

/* settings lists every key with its value; settings KEY prints one;
 * settings KEY VALUE checks and stores it. */
static int
cmd_settings (ComptoirDb *db,
              int         argc,
              char      **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *value = NULL;

  if (argc == 0)
    {
      for (const char * const *key = comptoir_settings_list_keys (); *key != NULL; key++)
        {
          g_autofree char *current = comptoir_settings_dup (db, *key);
          g_print ("%s\t%s\n", *key, current);
        }
      return 0;
    }
  if (argc == 2)
    return comptoir_settings_set (db, argv[0], argv[1], &error) ? 0 : comptoir_cli_fail (g_steal_pointer (&error));
  if (argc != 1)
    return comptoir_cli_usage_error (_("settings [KEY [VALUE]]"));
  if (!(value = comptoir_settings_dup (db, argv[0])))
    return comptoir_cli_usage_error (_("unknown setting; “comptoir-cli settings” lists them."));
  g_print ("%s\n", value);
  return 0;
}

static const Command commands[] = {
  { "init", N_("Create or update the database"), cmd_init },
  { "demo", N_("Fill the database with a demo shop: demo [--products N] [--members N] [--seed S]"), cmd_demo },
  { "product", N_("product search TEXT | product get CODE | product import FILE.csv [--dry-run]"), cmd_product },
  { "sale", N_("sale --till CODE < ticket.json: record a sale, print its number"), cmd_sale },
  { "close", N_("close --till CODE --period day|month|year: closure (Z) of the period"), cmd_close },
  { "receipt", N_("receipt --till CODE --number N [--columns 48|32] [--pdf FILE | --device PATH | --usb [VID:PID]] "
                  "[--drawer]: show, save or print a receipt"), comptoir_cli_receipt },
  { "verify", N_("Check the fiscal journal; exit status 1 at the first broken link"), cmd_verify },
  { "settings", N_("settings [KEY [VALUE]]: list, show or change the shop settings"), cmd_settings },
  { "staff", N_("staff add --name NAME --role cashier|manager --pin PIN | staff list"), cmd_staff },
  { "audit", N_("audit list --till CODE: who voided, discounted, cancelled… and why"), cmd_audit },
  { "member", N_("member show NUMBER | member record NUMBER done|missed|makeup|late-cancel [--on YYYY-MM-DD] | "
                 "member correct NUMBER POINTS --reason TEXT [--on YYYY-MM-DD] | "
                 "member add --first NAME --last NAME [--email E] [--phone P] [--shares N] [--number N] | "
                 "member import FILE.csv [--dry-run] | member search TEXT | member export NUMBER | "
                 "member anonymise NUMBER --yes | member merge ABSORBED_NUMBER SURVIVING_NUMBER | "
                 "member leave NUMBER [--on YYYY-MM-DD] [--refund-shares] | "
                 "member shares NUMBER subscribe N | pay AMOUNT METHOD | transfer N TO_NUMBER | "
                 "member household NUMBER add FIRST LAST [--born YYYY-MM-DD] | remove PERSON_ID"),
    comptoir_cli_member },
  { "shifts", N_("shifts generate --weeks N [--from DAY] | template add --week A --weekday 1-7 --start 9:00 "
                 "--end 12:00 --job JOB --capacity N [--role ROLE] | templates | squad join TEMPLATE_ID NUMBER "
                 "[--from DAY] | squad leave NUMBER [--on DAY] | list [--from DAY] [--days 7] | "
                 "slot add DAY START END JOB CAPACITY [--role ROLE] | slot cancel SLOT_ID | "
                 "book|cancel|offer SLOT_ID NUMBER | take OFFER_ID NUMBER | decide | "
                 "checkin NUMBER [--slot SLOT_ID] | absent | correct SLOT_ID NUMBER present|absent --reason TEXT | "
                 "closing add DAY LABEL | closing remove DAY | closing list [--from DAY] [--days N] | offers | "
                 "role grant NUMBER ROLE; each with [--now \"YYYY-MM-DD HH:MM\"]"), comptoir_cli_shifts },
  { "stock", N_("stock show CODE|BARCODE | loss CODE QTY [--reason loss|breakage|expired|theft] [--note TEXT] | "
                "correct CODE QTY --note TEXT [--cost PRICE] | transfer FROM_CODE QTY TO_CODE QTY [--note TEXT] | "
                "min CODE QTY|none | check | fold [--rebuild] | low | unsold [--weeks 8] | expiring [--days 7] | value"),
    comptoir_cli_stock },
  { "inventory", N_("inventory start LABEL [--category NAME] | count COUNT_ID CODE|BARCODE [QTY] | show COUNT_ID | "
                    "validate COUNT_ID [--zero-uncounted] | cancel COUNT_ID | list"),
    comptoir_cli_inventory },
  { "supplier", N_("supplier add NAME [--email E] [--order-days \"mon,thu\"] [--lead-days N] [--min-order EUROS] "
                   "[--franco EUROS] | list | show NAME | import NAME FILE.csv [--dry-run] "
                   "[--map ref=Réf,barcode=EAN,name=…,pack=…,price=…,pack-price=…,vat=…] | link NAME REF CODE|BARCODE"),
    comptoir_cli_supplier },
  { "prices", N_("prices preview|apply [--supplier NAME] | markup --product CODE|BARCODE [COEF|none] | "
                 "markup --category NAME [COEF|none] | markup --shop [COEF]: sale prices from purchase prices "
                 "and markups; COEF is the coefficient on the purchase price excluding VAT, such as 1.30 or ×1,3"),
    comptoir_cli_prices },
  { "order", N_("order suggest NAME [--weeks 8] | create NAME [--from-suggestion] [--weeks 8] | show NUMBER | "
                "set NUMBER REF|BARCODE PACKS | send NUMBER | export NUMBER FILE.csv"), comptoir_cli_order },
  { "receive", N_("receive start SUPPLIER [--order NUMBER] | scan RECEIPT_ID CODE… | "
                  "count RECEIPT_ID CODE QUANTITY [--lot L] [--best-before DAY] [--use-by DAY] [--damaged] | "
                  "link RECEIPT_ID CODE PRODUCT_CODE [--case N] | price RECEIPT_ID CODE PRICE | "
                  "undo RECEIPT_ID SCAN_ID | show RECEIPT_ID | list | validate RECEIPT_ID | cancel RECEIPT_ID"),
    comptoir_cli_receive },
};

static char *
commands_help (void)
{
  GString *help = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (help, "\n  %-9s %s", commands[i].name, _(commands[i].summary));
  return g_string_free (help, FALSE);
}

int
main (int    argc,
      char **argv)
{
  const GOptionEntry entries[] = {
    { "db", 'd', 0, G_OPTION_ARG_FILENAME, &opt_db, N_("Database file (default: the shop in your data folder)"), N_("FILE") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirDb) db = NULL;
  g_autofree char *help = NULL;
  g_autofree char *path = NULL;
  const Command *command = NULL;
  int rc;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("COMMAND [ARGUMENTS…]"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  help = commands_help ();
  g_option_context_set_description (context, help);
  /* Options after the command belong to the command. */
  g_option_context_set_strict_posix (context, TRUE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));

  if (argc < 2)
    {
      g_autofree char *usage = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s", usage);
      return 2;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      command = &commands[i];
  if (command == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("unknown command “%s”. Run comptoir-cli --help for the list."), argv[1]);
      print_error (message);
      return 2;
    }

  path = opt_db != NULL ? g_strdup (opt_db) : comptoir_db_get_default_path ();
  db = comptoir_db_open (path, COMPTOIR_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    return comptoir_cli_fail (g_steal_pointer (&error));

  rc = command->run (db, argc - 2, argv + 2);
  if (rc == 2)
    {
      g_autofree char *message = g_strdup_printf (_("wrong arguments. Usage: comptoir-cli --db FILE %s"), _(command->summary));
      print_error (message);
    }
  g_free (opt_db);
  return rc;
}
