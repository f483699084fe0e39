/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-suppliers-page"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "comptoir-suppliers-page-private.h"

/* A supplier's catalogue from their CSV file, as the members and
 * products are imported: a trial run first, in the core's worker,
 * whose report says which columns were read and where that reading
 * came from, what the file would change and, side by side, the
 * purchase prices that change; nothing is written before the person
 * says Import, and a file with rejected lines cannot be imported at all
 * (the core's import is all or nothing).
 *
 * And the sale prices that follow the purchase prices: what the core's
 * pricing would change is listed, applied on the person's go. */

static void start_import (ComptoirSuppliersPage *self,
                          gboolean               dry_run);

static void
end_import (ComptoirSuppliersPage *self)
{
  g_clear_object (&self->import_file);
  g_clear_pointer (&self->import_supplier_id, g_free);
  g_clear_pointer (&self->import_supplier_name, g_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supplier.import", self->supplier.id != NULL);
}

static void
on_import_response (ComptoirSuppliersPage *self,
                    const char            *response)
{
  if (g_strcmp0 (response, "import") == 0 && self->import_file != NULL)
    start_import (self, FALSE);
  else
    end_import (self);
}

static AdwMessageDialog *
import_dialog_new (ComptoirSuppliersPage *self,
                   const char            *heading,
                   const char            *body)
{
  GtkWidget *dialog = adw_message_dialog_new (_comptoir_suppliers_page_get_window (self), heading, body);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_response), self, G_CONNECT_SWAPPED);
  return ADW_MESSAGE_DIALOG (dialog);
}

/* "+4.5 %", to a tenth of a percent, with a real minus. */
static char *
format_change (int change_bp)
{
  const char *mark = localeconv ()->decimal_point;
  gint64 tenths = comptoir_money_div_round (change_bp, 10);
  gint64 magnitude = ABS (tenths);

  return g_strdup_printf ("%s%lld%s%lld %%", tenths < 0 ? "−" : "+", (long long) (magnitude / 10),
                          mark != NULL && *mark != '\0' ? mark : ".", (long long) (magnitude % 10));
}

static const char *
describe_source (ComptoirSupplierImportReport *report)
{
  switch (comptoir_supplier_import_report_get_mapping_source (report))
    {
    case COMPTOIR_SUPPLIER_MAPPING_SAVED:
      return _("Columns saved at this supplier’s last import:");
    case COMPTOIR_SUPPLIER_MAPPING_GIVEN:
      return _("Columns read as given:");
    case COMPTOIR_SUPPLIER_MAPPING_GUESSED:
    default:
      return _("Columns recognised from their names:");
    }
}

static GtkWidget *
report_label_new (const char *text,
                  const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* As wide as a line of the report usually is: at the dialog's own
   * width, every rejected line would wrap onto three. */
  gtk_label_set_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

/* Which column of the file was read as what, and where that reading
 * came from: the file's own header names, for the person to check
 * against the file they have open. */
static GtkWidget *
columns_table_new (ComptoirSupplierImportReport *report)
{
  const char *header[] = { _("Column in the file"), _("Read as"), NULL };
  const ComptoirSupplierMapping *mapping = comptoir_supplier_import_report_get_mapping (report);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint c = 0; c < COMPTOIR_SUPPLIER_N_COLS; c++)
    {
      char **row;

      if (mapping->headers[c] == NULL)
        continue;
      row = g_new0 (char *, 3);
      /* Translators: a column's name as written in the supplier's file */
      row[0] = g_strdup_printf (_("“%s”"), mapping->headers[c]);
      row[1] = g_strdup (comptoir_supplier_column_get_label (c));
      g_ptr_array_add (rows, row);
    }
  return _comptoir_suppliers_table_new (header, 2, rows, "supplier-import-columns");
}

/* The report reads from top to bottom: how the file was read, what it
 * would do, the lines to fix, then the prices that change side by side
 * in a table, all scrolled together when the file is long. */
static void
add_report (AdwMessageDialog             *dialog,
            ComptoirSupplierImportReport *report)
{
  ComptoirImportReport *lines = comptoir_supplier_import_report_get_lines (report);
  guint n_linked = comptoir_supplier_import_report_get_n_linked (report);
  guint n_changes = comptoir_supplier_import_report_get_n_price_changes (report);
  g_autofree char *details = comptoir_import_report_format_details (lines);
  g_autoptr (GString) text = g_string_new (g_strchomp (details));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *label;

  gtk_box_append (GTK_BOX (box), report_label_new (describe_source (report), "supplier-import-source"));
  gtk_box_append (GTK_BOX (box), columns_table_new (report));
  if (n_linked > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u line is linked to our products by its barcode.",
                                                 "%u lines are linked to our products by their barcode.", n_linked),
                              n_linked);
    }
  label = report_label_new (text->str, "supplier-import-report");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Import report"), -1);
  gtk_box_append (GTK_BOX (box), label);

  if (n_changes > 0)
    {
      const char *header[] = { _("Reference"), _("Product"), _("Old price"), _("New price"), C_("price", "Change"), NULL };
      g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      GtkWidget *title = gtk_label_new (g_dngettext (GETTEXT_PACKAGE,
                                                     "Purchase price that changes, excluding VAT",
                                                     "Purchase prices that change, excluding VAT", n_changes));

      for (guint i = 0; i < n_changes; i++)
        {
          const ComptoirPurchasePriceChange *change = comptoir_supplier_import_report_get_price_change (report, i);
          char **row = g_new0 (char *, 6);

          row[0] = g_strdup (change->supplier_ref);
          row[1] = g_strdup (change->name);
          row[2] = _comptoir_suppliers_format_euros (change->old_cents);
          row[3] = _comptoir_suppliers_format_euros (change->new_cents);
          row[4] = format_change (change->change_bp);
          g_ptr_array_add (rows, row);
        }
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_add_css_class (title, "heading");
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box),
                      _comptoir_suppliers_table_new (header, 2, rows, "supplier-price-changes"));
    }
  adw_message_dialog_set_extra_child (dialog, _comptoir_suppliers_scrolled_new (box, 420));
}

static void
show_report (ComptoirSuppliersPage        *self,
             ComptoirSupplierImportReport *report)
{
  ComptoirImportReport *lines = comptoir_supplier_import_report_get_lines (report);
  g_autofree char *name = g_file_get_basename (self->import_file);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  gboolean rejected = comptoir_import_report_get_n_rejected (lines) > 0;
  AdwMessageDialog *dialog;

  if (rejected)
    {
      heading = g_strdup_printf (_("“%s” has lines to fix"), name);
      dialog = import_dialog_new (self, heading, _("Nothing was imported. Fix these lines in the file, save it as "
                                                   "CSV and import it again."));
    }
  else if (comptoir_import_report_get_n_created (lines) + comptoir_import_report_get_n_updated (lines) == 0)
    {
      heading = g_strdup_printf (_("“%s” changes nothing"), name);
      dialog = import_dialog_new (self, heading, _("The supplier’s catalogue is already as this file says."));
      add_report (dialog, report);
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  else
    {
      heading = g_strdup_printf (_("Import “%s”?"), name);
      body = g_strdup_printf (_("This is what the file would change in the catalogue of %s. Nothing is written "
                                "before you press Import."), self->import_supplier_name);
      dialog = import_dialog_new (self, heading, body);
    }

  add_report (dialog, report);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "import", _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "import", ADW_RESPONSE_SUGGESTED);
  /* Import stays there but disabled while lines must be fixed, so that
   * the person sees that the file as it is cannot be imported. */
  adw_message_dialog_set_response_enabled (dialog, "import", !rejected);
  adw_message_dialog_set_default_response (dialog, rejected ? "cancel" : "import");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (ComptoirSuppliersPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirSupplierImportReport) report =
    comptoir_supplier_import_file_finish (COMPTOIR_DB (source), result, &error);
  ComptoirImportReport *lines;
  g_autofree char *message = NULL;

  /* The page went away while the worker ran. */
  if (self->db == NULL || self->import_file == NULL)
    return;

  if (report == NULL)
    {
      g_autofree char *name = g_file_get_basename (self->import_file);
      g_autofree char *heading = g_strdup_printf (_("“%s” cannot be imported"), name);
      AdwMessageDialog *dialog = import_dialog_new (self, heading, error->message);

      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* A trial run, or a file changed between the check and the import:
   * what it would do is shown again. */
  lines = comptoir_supplier_import_report_get_lines (report);
  if (comptoir_import_report_get_dry_run (lines) || !comptoir_import_report_get_committed (lines))
    {
      show_report (self, report);
      return;
    }

  end_import (self);
  _comptoir_suppliers_page_reload (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "catalogue");
  /* Translators: after a catalogue import: lines added, lines updated */
  message = g_strdup_printf (_("Catalogue imported: %u added, %u updated"),
                             comptoir_import_report_get_n_created (lines),
                             comptoir_import_report_get_n_updated (lines));
  if (comptoir_supplier_import_report_get_n_price_changes (report) > 0)
    {
      g_autofree char *base = g_steal_pointer (&message);

      /* Translators: %s is the sentence above; then the purchase prices that changed */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%s; %u purchase price changed: Update Sale Prices to follow it",
                                              "%s; %u purchase prices changed: Update Sale Prices to follow them",
                                              comptoir_supplier_import_report_get_n_price_changes (report)),
                                 base, comptoir_supplier_import_report_get_n_price_changes (report));
    }
  _comptoir_suppliers_page_show_message (self, message);
}

static void
start_import (ComptoirSuppliersPage *self,
              gboolean               dry_run)
{
  /* One import at a time. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supplier.import", FALSE);
  /* The columns are the supplier's saved ones, else recognised from
   * the file's header: the report says which. */
  comptoir_supplier_import_file_async (self->db, self->import_supplier_id, self->import_file, NULL, dry_run, NULL,
                                       on_import_done, g_object_ref (self));
}

void
comptoir_suppliers_page_import_file (ComptoirSuppliersPage *self,
                                     GFile                 *file)
{
  g_return_if_fail (COMPTOIR_IS_SUPPLIERS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->db != NULL && self->supplier.id != NULL);

  g_set_object (&self->import_file, file);
  g_free (self->import_supplier_id);
  g_free (self->import_supplier_name);
  /* Whose catalogue it is, whoever is shown when the worker is done. */
  self->import_supplier_id = g_strdup (self->supplier.id);
  self->import_supplier_name = g_strdup (self->supplier.name);
  start_import (self, TRUE);
}

static void
on_file_chosen (GtkNativeDialog       *chooser,
                int                    response,
                ComptoirSuppliersPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->supplier.id != NULL)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        comptoir_suppliers_page_import_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ComptoirSuppliersPage *self = COMPTOIR_SUPPLIERS_PAGE (widget);
  g_autoptr (GtkFileFilter) csv = gtk_file_filter_new ();
  g_autofree char *title = g_strdup_printf (_("Import the Catalogue of %s"), self->supplier.name);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, _comptoir_suppliers_page_get_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Check File"), _("_Cancel"));
  gtk_file_filter_set_name (csv, _("CSV files (comma or semicolon)"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_file_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Sale prices ------------------------------------------------------------ */

static void
on_prices_response (ComptoirSuppliersPage *self,
                    const char            *response)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) applied = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "apply") != 0 || self->supplier.id == NULL)
    return;
  /* The core applies what its preview lists now, in one transaction,
   * each change dated with its reason. */
  if (!comptoir_pricing_apply (self->db, self->supplier.id, &applied, &error))
    {
      _comptoir_suppliers_page_show_message (self, error->message);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sale price updated", "%u sale prices updated",
                                          applied->len),
                             applied->len);
  _comptoir_suppliers_page_show_message (self, message);
}

static void
update_prices_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ComptoirSuppliersPage *self = COMPTOIR_SUPPLIERS_PAGE (widget);
  const char *header[] = { _("Product"), _("Purchase price"), _("Markup"), _("Sale price now"), _("New sale price"),
                           NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) proposals = comptoir_pricing_preview (self->db, self->supplier.id, &error);
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (proposals == NULL)
    {
      _comptoir_suppliers_page_show_message (self, error->message);
      return;
    }
  if (proposals->len == 0)
    {
      _comptoir_suppliers_page_show_message (self, _("The sale prices already follow this supplier’s purchase "
                                                     "prices: nothing to change"));
      return;
    }

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < proposals->len; i++)
    {
      const ComptoirPriceProposal *proposal = g_ptr_array_index (proposals, i);
      char **row = g_new0 (char *, 6);

      row[0] = g_strdup (proposal->name);
      row[1] = _comptoir_suppliers_format_euros (proposal->purchase_cents);
      row[2] = comptoir_pricing_format_coefficient (proposal->markup_bp);
      row[3] = _comptoir_suppliers_format_euros (proposal->old_cents);
      row[4] = _comptoir_suppliers_format_euros (proposal->new_cents);
      g_ptr_array_add (rows, row);
    }
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "This sale price follows the purchase price from %s, excluding VAT, times "
                                       "the markup of the product or its category, plus VAT. The change is dated "
                                       "and sent to the tills.",
                                       "These sale prices follow the purchase prices from %s, excluding VAT, "
                                       "times the markup of each product or its category, plus VAT. Each change "
                                       "is dated and sent to the tills.", proposals->len),
                          self->supplier.name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (_comptoir_suppliers_page_get_window (self),
                                                       _("Update Sale Prices?"), body));
  adw_message_dialog_set_extra_child (dialog,
                                      _comptoir_suppliers_scrolled_new (
                                        _comptoir_suppliers_table_new (header, 1, rows, "supplier-price-proposals"),
                                        360));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "apply", _("_Update Prices"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "apply");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_prices_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_comptoir_suppliers_page_class_add_import_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "supplier.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "supplier.update-prices", NULL, update_prices_action);
}
