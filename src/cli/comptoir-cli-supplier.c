/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-cli-private.h"
#include "comptoir-cli-supplier.h"

/* comptoir-cli supplier, prices and order: the office's suppliers, their
 * catalogues, sale prices from purchase prices, and purchase orders,
 * through the same core services as the app. Suppliers are named by
 * their name (or id), orders by their number, catalogue lines by the
 * supplier's reference. Lists are tab-separated for scripts. */

/* Splits argv into positional arguments and --options: those in
 * with_value take the next argument, the others are flags. FALSE for
 * an unknown option or one without its value. */
static gboolean
split_args (int                  argc,
            char               **argv,
            const char * const  *with_value,
            const char * const  *flags,
            GPtrArray           *positional,
            GHashTable          *options)
{
  for (int i = 0; i < argc; i++)
    {
      if (!g_str_has_prefix (argv[i], "--"))
        {
          g_ptr_array_add (positional, argv[i]);
          continue;
        }
      if (g_strv_contains (with_value, argv[i]))
        {
          if (i + 1 >= argc)
            return FALSE;
          g_hash_table_insert (options, argv[i], argv[i + 1]);
          i++;
        }
      else if (g_strv_contains (flags, argv[i]))
        g_hash_table_insert (options, argv[i], argv[i]);
      else
        return FALSE;
    }
  return TRUE;
}

static char *
euros (gint64 cents)
{
  g_autofree char *amount = comptoir_money_format_local (cents);

  return g_strdup_printf (_("%s €"), amount);
}

static gboolean
parse_euros (const char  *text,
             const char  *what,
             gint64      *out_cents,
             GError     **error)
{
  if (text == NULL)
    return TRUE;
  if (comptoir_money_parse (text, out_cents) && *out_cents >= 0)
    return TRUE;
  g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
               _("“%s” is not an amount for the %s: give it in euros excluding VAT, such as 150 or 149.90."),
               text, what);
  return FALSE;
}

static int
supplier_add (ComptoirDb  *db,
              GPtrArray   *args,
              GHashTable  *options)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirSupplier) supplier = { 0 };
  const char *days = g_hash_table_lookup (options, "--order-days");
  const char *lead = g_hash_table_lookup (options, "--lead-days");
  gint64 lead_days;

  if (args->len != 1)
    return 2;
  comptoir_supplier_init (&supplier);
  supplier.name = g_strdup (g_ptr_array_index (args, 0));
  supplier.email = g_strdup (g_hash_table_lookup (options, "--email"));
  supplier.phone = g_strdup (g_hash_table_lookup (options, "--phone"));
  supplier.contact = g_strdup (g_hash_table_lookup (options, "--contact"));
  if (days != NULL && !comptoir_weekdays_parse (days, &supplier.order_days, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  if (lead != NULL)
    {
      if (!g_ascii_string_to_signed (lead, 10, 0, 90, &lead_days, NULL))
        return comptoir_cli_usage_error (_("--lead-days is a number of days from 0 to 90."));
      supplier.lead_days = (int) lead_days;
    }
  if (!parse_euros (g_hash_table_lookup (options, "--min-order"), _("minimum order"),
                    &supplier.min_order_cents, &error) ||
      !parse_euros (g_hash_table_lookup (options, "--franco"), _("franco"), &supplier.franco_cents, &error) ||
      !comptoir_supplier_save (db, &supplier, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  g_print ("%s\n", supplier.id);
  return 0;
}

static int
supplier_list (ComptoirDb *db)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) suppliers = comptoir_supplier_list (db, TRUE, &error);

  if (suppliers == NULL)
    return comptoir_cli_fail (g_steal_pointer (&error));
  /* id, name, order days, lead days */
  for (guint i = 0; i < suppliers->len; i++)
    {
      ComptoirSupplier *supplier = g_ptr_array_index (suppliers, i);
      g_autofree char *days = comptoir_weekdays_format (supplier->order_days);

      g_print ("%s\t%s\t%s\t%d\n", supplier->id, supplier->name, days, supplier->lead_days);
    }
  return 0;
}

static void
print_field (const char *label,
             const char *value)
{
  if (value != NULL)
    g_print ("%s: %s\n", label, value);
}

static int
supplier_show (ComptoirDb *db,
               const char *name)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirSupplier) supplier = { 0 };
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (ComptoirSupplierMapping) mapping = NULL;
  g_autofree char *days = NULL;
  g_autofree char *lead = NULL;
  guint n_linked = 0;

  if (!comptoir_supplier_find (db, name, &supplier, &error) ||
      !(lines = comptoir_supplier_product_list (db, supplier.id, &error)))
    return comptoir_cli_fail (g_steal_pointer (&error));
  mapping = comptoir_supplier_load_mapping (db, supplier.id, NULL);
  for (guint i = 0; i < lines->len; i++)
    n_linked += ((ComptoirSupplierProduct *) g_ptr_array_index (lines, i))->product_id != NULL;

  days = comptoir_weekdays_format (supplier.order_days);
  lead = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day after the order", "%d days after the order",
                                       supplier.lead_days),
                          supplier.lead_days);
  print_field (_("Name"), supplier.name);
  print_field (_("Contact"), supplier.contact);
  print_field (_("E-mail"), supplier.email);
  print_field (_("Phone"), supplier.phone);
  print_field (_("Order days"), days);
  print_field (_("Delivery"), lead);
  if (supplier.min_order_cents > 0)
    {
      g_autofree char *amount = euros (supplier.min_order_cents);
      print_field (_("Minimum order excl. VAT"), amount);
    }
  if (supplier.franco_cents > 0)
    {
      g_autofree char *amount = euros (supplier.franco_cents);
      print_field (_("Franco excl. VAT"), amount);
    }
  if (mapping != NULL)
    {
      g_autofree char *columns = comptoir_supplier_mapping_format (mapping);
      print_field (_("Catalogue columns"), columns);
    }
  g_print (_("Catalogue: %u lines, %u linked to our products\n"), lines->len, n_linked);
  if (!supplier.active)
    g_print ("%s\n", _("No longer active."));
  return 0;
}

static int
supplier_import (ComptoirDb *db,
                 GPtrArray  *args,
                 GHashTable *options)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirSupplier) supplier = { 0 };
  g_autoptr (ComptoirSupplierMapping) mapping = NULL;
  g_autoptr (ComptoirSupplierImportReport) report = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  const char *map = g_hash_table_lookup (options, "--map");

  if (args->len != 2)
    return 2;
  if (!comptoir_supplier_find (db, g_ptr_array_index (args, 0), &supplier, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  if (map != NULL && !(mapping = comptoir_supplier_mapping_parse (map, &error)))
    return comptoir_cli_fail (g_steal_pointer (&error));
  file = g_file_new_for_commandline_arg (g_ptr_array_index (args, 1));
  if (!(bytes = g_file_load_bytes (file, NULL, NULL, &error)))
    return comptoir_cli_fail (g_steal_pointer (&error));

  report = comptoir_supplier_import (db, supplier.id, bytes, mapping,
                                     g_hash_table_contains (options, "--dry-run"), &error);
  if (report == NULL)
    return comptoir_cli_fail (g_steal_pointer (&error));
  text = comptoir_supplier_import_report_format (report);
  g_print ("%s", text);
  return comptoir_import_report_get_n_rejected (comptoir_supplier_import_report_get_lines (report)) > 0 ? 1 : 0;
}

static int
supplier_link (ComptoirDb *db,
               GPtrArray  *args)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirSupplier) supplier = { 0 };
  g_auto (ComptoirSupplierProduct) line = { 0 };
  g_autoptr (ComptoirCatalog) catalog = comptoir_catalog_new (db);
  g_autoptr (ComptoirProduct) product = NULL;

  if (args->len != 3)
    return 2;
  if (!comptoir_supplier_find (db, g_ptr_array_index (args, 0), &supplier, &error) ||
      !comptoir_supplier_product_find_ref (db, supplier.id, g_ptr_array_index (args, 1), &line, &error) ||
      !(product = comptoir_catalog_lookup (catalog, g_ptr_array_index (args, 2), &error)) ||
      !comptoir_supplier_product_link (db, line.id, comptoir_product_get_id (product), &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  g_print (_("%s of %s is now %s (%s).\n"), line.supplier_ref, supplier.name, comptoir_product_get_name (product),
           comptoir_product_get_code (product));
  return 0;
}

int
comptoir_cli_supplier (ComptoirDb  *db,
                       int          argc,
                       char       **argv)
{
  static const char * const with_value[] = {
    "--email", "--phone", "--contact", "--order-days", "--lead-days", "--min-order", "--franco", "--map", NULL,
  };
  static const char * const flags[] = { "--dry-run", NULL };
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autoptr (GHashTable) options = g_hash_table_new (g_str_hash, g_str_equal);
  const char *what;

  if (argc < 1 || !split_args (argc - 1, argv + 1, with_value, flags, args, options))
    return 2;
  what = argv[0];
  if (g_str_equal (what, "add"))
    return supplier_add (db, args, options);
  if (g_str_equal (what, "list") && args->len == 0)
    return supplier_list (db);
  if (g_str_equal (what, "show") && args->len == 1)
    return supplier_show (db, g_ptr_array_index (args, 0));
  if (g_str_equal (what, "import"))
    return supplier_import (db, args, options);
  if (g_str_equal (what, "link"))
    return supplier_link (db, args);
  return 2;
}

static const char *
markup_source_label (ComptoirMarkupSource source)
{
  switch (source)
    {
    case COMPTOIR_MARKUP_FROM_PRODUCT:  return _("product");
    case COMPTOIR_MARKUP_FROM_CATEGORY: return _("category");
    case COMPTOIR_MARKUP_FROM_SHOP:
    default:                            return _("shop");
    }
}

/* "×1.30" from text, or -1 for "none"; FALSE (error set) for anything
 * else. */
static gboolean
parse_markup (const char  *text,
              int         *out_bp,
              GError     **error)
{
  g_autofree char *word = g_strstrip (g_strdup (text));

  if (g_ascii_strcasecmp (word, "none") == 0)
    {
      *out_bp = -1;
      return TRUE;
    }
  return comptoir_pricing_parse_coefficient (text, out_bp, error);
}

static void
print_product_markup (ComptoirProduct      *product,
                      int                   markup_bp,
                      ComptoirMarkupSource  source)
{
  g_autofree char *coefficient = comptoir_pricing_format_coefficient (markup_bp);
  const char *code = comptoir_product_get_code (product), *name = comptoir_product_get_name (product);

  switch (source)
    {
    case COMPTOIR_MARKUP_FROM_PRODUCT:
      /* Translators: product code, name, coefficient (×1.30) */
      g_print (_("%s %s: %s, its own\n"), code, name, coefficient);
      break;
    case COMPTOIR_MARKUP_FROM_CATEGORY:
      /* Translators: product code, name, coefficient (×1.30), category */
      g_print (_("%s %s: %s, its category’s (%s)\n"), code, name, coefficient,
               comptoir_product_get_category_name (product));
      break;
    case COMPTOIR_MARKUP_FROM_SHOP:
    default:
      /* Translators: product code, name, coefficient (×1.30) */
      g_print (_("%s %s: %s, the shop’s\n"), code, name, coefficient);
      break;
    }
}

/* prices markup --product CODE|BARCODE [COEF|none]: shows the
 * coefficient the product sells at and where it comes from, after
 * setting its own when one is given. */
static int
markup_product (ComptoirDb *db,
                const char *code,
                const char *coefficient)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirCatalog) catalog = comptoir_catalog_new (db);
  g_autoptr (ComptoirProduct) product = NULL;
  ComptoirMarkupSource source;
  int markup_bp;

  if (!(product = comptoir_catalog_lookup (catalog, code, &error)) ||
      (coefficient != NULL &&
       (!parse_markup (coefficient, &markup_bp, &error) ||
        !comptoir_pricing_set_product_markup (db, comptoir_product_get_id (product), markup_bp, &error))) ||
      !comptoir_pricing_get_product_markup (db, comptoir_product_get_id (product), &markup_bp, &source, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  print_product_markup (product, markup_bp, source);
  return 0;
}

static int
markup_category (ComptoirDb *db,
                 const char *name,
                 const char *coefficient)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirCategory) category = NULL;
  g_autofree char *text = NULL;
  ComptoirMarkupSource source;
  int markup_bp;

  if (!(category = comptoir_cli_find_category (db, name, &error)) ||
      (coefficient != NULL &&
       (!parse_markup (coefficient, &markup_bp, &error) ||
        !comptoir_pricing_set_category_markup (db, category->id, markup_bp, &error))) ||
      !comptoir_pricing_get_category_markup (db, category->id, &markup_bp, &source, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  text = comptoir_pricing_format_coefficient (markup_bp);
  if (source == COMPTOIR_MARKUP_FROM_CATEGORY)
    /* Translators: category, coefficient (×1.30) */
    g_print (_("%s: %s, its own\n"), category->name, text);
  else
    /* Translators: category, coefficient (×1.20) */
    g_print (_("%s: none of its own, the shop’s %s applies\n"), category->name, text);
  return 0;
}

static int
markup_shop (ComptoirDb *db,
             const char *coefficient)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  ComptoirMarkupSource source;
  int markup_bp;

  if (coefficient != NULL)
    {
      g_autofree char *value = NULL;

      if (!parse_markup (coefficient, &markup_bp, &error))
        return comptoir_cli_fail (g_steal_pointer (&error));
      if (markup_bp < 0)
        {
          g_set_error_literal (&error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                               _("The shop always has a coefficient: give one, such as 1.20."));
          return comptoir_cli_fail (g_steal_pointer (&error));
        }
      value = g_strdup_printf ("%d", markup_bp);
      if (!comptoir_settings_set (db, COMPTOIR_SETTING_DEFAULT_MARKUP, value, &error))
        return comptoir_cli_fail (g_steal_pointer (&error));
    }
  /* No category: the shop's. */
  if (!comptoir_pricing_get_category_markup (db, NULL, &markup_bp, &source, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  text = comptoir_pricing_format_coefficient (markup_bp);
  /* Translators: coefficient (×1.20) */
  g_print (_("Shop: %s, for products without their own or their category’s\n"), text);
  return 0;
}

/* prices markup --product CODE | --category NAME | --shop, then the
 * coefficient to set (none: the product's or category's own removed). */
static int
prices_markup (ComptoirDb *db,
               GPtrArray  *args,
               GHashTable *options)
{
  const char *product = g_hash_table_lookup (options, "--product");
  const char *category = g_hash_table_lookup (options, "--category");
  gboolean shop = g_hash_table_contains (options, "--shop");
  const char *coefficient = args->len == 1 ? g_ptr_array_index (args, 0) : NULL;
  int rc;

  if (args->len > 1 || (product != NULL) + (category != NULL) + shop != 1 ||
      g_hash_table_contains (options, "--supplier"))
    return 2;
  if (product != NULL)
    rc = markup_product (db, product, coefficient);
  else if (category != NULL)
    rc = markup_category (db, category, coefficient);
  else
    rc = markup_shop (db, coefficient);
  /* The coefficient alone changes no price: a person looks at them first. */
  if (rc == 0 && coefficient != NULL)
    g_print ("%s\n", _("Sale prices follow once applied: “prices preview” lists them, “prices apply” "
                       "changes them."));
  return rc;
}

int
comptoir_cli_prices (ComptoirDb  *db,
                     int          argc,
                     char       **argv)
{
  static const char * const with_value[] = { "--supplier", "--product", "--category", NULL };
  static const char * const flags[] = { "--shop", NULL };
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autoptr (GHashTable) options = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) proposals = NULL;
  g_auto (ComptoirSupplier) supplier = { 0 };
  const char *name;
  gboolean apply;

  if (argc < 1 || !split_args (argc - 1, argv + 1, with_value, flags, args, options))
    return 2;
  if (g_str_equal (argv[0], "markup"))
    return prices_markup (db, args, options);
  if ((!g_str_equal (argv[0], "preview") && !g_str_equal (argv[0], "apply")) || args->len != 0 ||
      g_hash_table_size (options) != (g_hash_table_contains (options, "--supplier") ? 1 : 0))
    return 2;
  apply = g_str_equal (argv[0], "apply");
  name = g_hash_table_lookup (options, "--supplier");
  if (name != NULL && !comptoir_supplier_find (db, name, &supplier, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));

  if (apply ? !comptoir_pricing_apply (db, supplier.id, &proposals, &error)
            : !(proposals = comptoir_pricing_preview (db, supplier.id, &error)))
    return comptoir_cli_fail (g_steal_pointer (&error));

  /* code, name, old, new, purchase price, coefficient (where from), supplier */
  for (guint i = 0; i < proposals->len; i++)
    {
      ComptoirPriceProposal *p = g_ptr_array_index (proposals, i);
      g_autofree char *old = comptoir_money_format (p->old_cents);
      g_autofree char *new = comptoir_money_format (p->new_cents);
      g_autofree char *purchase = comptoir_money_format (p->purchase_cents);
      g_autofree char *coefficient = comptoir_pricing_format_coefficient (p->markup_bp);

      g_print ("%s\t%s\t%s\t%s\t%s\t%s (%s)\t%s\n", p->code, p->name, old, new, purchase, coefficient,
               markup_source_label (p->markup_source), p->supplier_name);
    }
  if (apply)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u sale price changed.\n", "%u sale prices changed.\n",
                          proposals->len),
             proposals->len);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%u sale price would change: “prices apply” changes it.\n",
                          "%u sale prices would change: “prices apply” changes them.\n", proposals->len),
             proposals->len);
  return 0;
}

static gboolean
parse_weeks (GHashTable *options,
             guint      *out_weeks)
{
  const char *text = g_hash_table_lookup (options, "--weeks");
  guint64 weeks = 8;

  if (text != NULL && !g_ascii_string_to_unsigned (text, 10, 1, 104, &weeks, NULL))
    return FALSE;
  *out_weeks = (guint) weeks;
  return TRUE;
}

static char *
quantity (ComptoirUnit unit,
          gint64       milli)
{
  return comptoir_quantity_format (unit, milli);
}

static int
order_suggest (ComptoirDb *db,
               const char *name,
               guint       weeks,
               gboolean    create)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirSupplier) supplier = { 0 };
  g_autoptr (GPtrArray) suggestions = NULL;
  g_auto (ComptoirPurchaseOrder) order = { 0 };
  g_autofree char *id = NULL;

  if (!comptoir_supplier_find (db, name, &supplier, &error) ||
      !comptoir_purchase_order_suggest (db, supplier.id, weeks, NULL, &suggestions, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));

  if (!create)
    {
      /* reference, name, packs, quantity, why */
      for (guint i = 0; i < suggestions->len; i++)
        {
          ComptoirOrderSuggestion *s = g_ptr_array_index (suggestions, i);
          g_autofree char *units = quantity (s->unit, s->quantity_milli);

          g_print ("%s\t%s\t%" G_GINT64_FORMAT "\t%s\t%s\n", s->supplier_ref, s->name, s->packs, units,
                   s->explanation);
        }
      return 0;
    }

  if (!(id = comptoir_purchase_order_create_from_suggestions (db, supplier.id, suggestions, &error)) ||
      !comptoir_purchase_order_load (db, id, &order, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  g_print ("%s\n", order.number);
  return 0;
}

static int
order_show (ComptoirDb *db,
            const char *number)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirPurchaseOrder) order = { 0 };
  g_auto (GStrv) warnings = NULL;
  g_autofree char *total = NULL;

  if (!comptoir_purchase_order_find (db, number, &order, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));

  g_print (_("Order %s to %s: %s\n"), order.number, order.supplier_name,
           comptoir_purchase_order_status_get_label (order.status));
  print_field (_("Created"), order.created_at);
  print_field (_("Sent"), order.sent_at);
  print_field (_("Expected on"), order.expected_on);
  /* reference, name, packs, quantity, unit price, suggested */
  for (guint i = 0; i < order.lines->len; i++)
    {
      ComptoirPurchaseOrderLine *line = &g_array_index (order.lines, ComptoirPurchaseOrderLine, i);
      g_autofree char *units = quantity (line->unit, line->quantity_milli);
      g_autofree char *price = line->price_cents >= 0 ? comptoir_money_format (line->price_cents) : g_strdup ("-");
      g_autofree char *suggested = line->suggested_milli >= 0 ? quantity (line->unit, line->suggested_milli)
                                                              : g_strdup ("-");

      g_print ("%s\t%s\t%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", line->supplier_ref, line->label, line->packs,
               units, price, suggested);
    }
  total = euros (order.total_cents);
  g_print (_("Total excl. VAT: %s\n"), total);
  /* What to know before sending; once sent, it is too late. */
  if (order.status == COMPTOIR_PURCHASE_ORDER_DRAFT)
    {
      warnings = comptoir_purchase_order_check (&order);
      for (guint i = 0; warnings[i] != NULL; i++)
        g_print (_("Warning: %s\n"), warnings[i]);
    }
  return 0;
}

static int
order_set (ComptoirDb *db,
           GPtrArray  *args)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirPurchaseOrder) order = { 0 };
  g_auto (ComptoirSupplierProduct) line = { 0 };
  gint64 packs;

  if (args->len != 3)
    return 2;
  if (!g_ascii_string_to_signed (g_ptr_array_index (args, 2), 10, 0, 99999, &packs, NULL))
    return comptoir_cli_usage_error (_("give the number of packs to order, 0 to take the line off."));
  if (!comptoir_purchase_order_find (db, g_ptr_array_index (args, 0), &order, &error) ||
      !comptoir_supplier_product_lookup (db, order.supplier_id, g_ptr_array_index (args, 1), &line, &error) ||
      !comptoir_purchase_order_set_line (db, order.id, line.id, packs, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  return 0;
}

static int
order_send (ComptoirDb *db,
            const char *number)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirPurchaseOrder) order = { 0 };
  g_auto (ComptoirPurchaseOrder) sent = { 0 };
  g_auto (GStrv) warnings = NULL;

  if (!comptoir_purchase_order_find (db, number, &order, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  /* Said, not refused: the supplier may accept a small order. */
  warnings = comptoir_purchase_order_check (&order);
  for (guint i = 0; warnings[i] != NULL; i++)
    g_printerr (_("Warning: %s\n"), warnings[i]);
  if (!comptoir_purchase_order_send (db, order.id, NULL, &error) ||
      !comptoir_purchase_order_load (db, order.id, &sent, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  g_print (_("%s sent, expected on %s.\n"), sent.number, sent.expected_on);
  return 0;
}

static int
order_export (ComptoirDb *db,
              GPtrArray  *args)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirPurchaseOrder) order = { 0 };
  g_autoptr (GFile) file = NULL;

  if (args->len != 2)
    return 2;
  file = g_file_new_for_commandline_arg (g_ptr_array_index (args, 1));
  if (!comptoir_purchase_order_find (db, g_ptr_array_index (args, 0), &order, &error) ||
      !comptoir_purchase_order_export_csv (db, order.id, file, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  return 0;
}

int
comptoir_cli_order (ComptoirDb  *db,
                    int          argc,
                    char       **argv)
{
  static const char * const with_value[] = { "--weeks", NULL };
  static const char * const flags[] = { "--from-suggestion", NULL };
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autoptr (GHashTable) options = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GError) error = NULL;
  const char *what;
  guint weeks;

  if (argc < 1 || !split_args (argc - 1, argv + 1, with_value, flags, args, options))
    return 2;
  if (!parse_weeks (options, &weeks))
    return comptoir_cli_usage_error (_("--weeks is a number of weeks of sales, from 1 to 104."));
  what = argv[0];

  if (g_str_equal (what, "suggest") && args->len == 1)
    return order_suggest (db, g_ptr_array_index (args, 0), weeks, FALSE);
  if (g_str_equal (what, "create") && args->len == 1)
    {
      g_auto (ComptoirSupplier) supplier = { 0 };
      g_auto (ComptoirPurchaseOrder) order = { 0 };
      g_autofree char *id = NULL;

      if (g_hash_table_contains (options, "--from-suggestion"))
        return order_suggest (db, g_ptr_array_index (args, 0), weeks, TRUE);
      if (!comptoir_supplier_find (db, g_ptr_array_index (args, 0), &supplier, &error) ||
          !(id = comptoir_purchase_order_create (db, supplier.id, &error)) ||
          !comptoir_purchase_order_load (db, id, &order, &error))
        return comptoir_cli_fail (g_steal_pointer (&error));
      g_print ("%s\n", order.number);
      return 0;
    }
  if (g_str_equal (what, "show") && args->len == 1)
    return order_show (db, g_ptr_array_index (args, 0));
  if (g_str_equal (what, "set"))
    return order_set (db, args);
  if (g_str_equal (what, "send") && args->len == 1)
    return order_send (db, g_ptr_array_index (args, 0));
  if (g_str_equal (what, "export"))
    return order_export (db, args);
  return 2;
}
