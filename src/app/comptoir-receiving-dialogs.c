/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-receiving-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-dialog.h"
#include "comptoir-receiving-page-private.h"

/* The questions the receiving screen asks: which delivery, what an
 * unknown code is, how much a weighed item weighs, and whether to put
 * the goods in stock. Enter answers each of them, as the receiver has a
 * scanner in one hand. */

static AdwMessageDialog *
dialog_new (ComptoirReceivingPage *self,
            const char            *heading,
            const char            *body)
{
  return comptoir_dialog_new (GTK_WIDGET (self), heading, body);
}

static void
refocus (AdwMessageDialog      *dialog,
         const char            *response,
         ComptoirReceivingPage *self)
{
  _comptoir_receiving_page_focus_scan (self);
}

/* Start ------------------------------------------------------------------- */

static void
on_start_response (AdwMessageDialog      *dialog,
                   const char            *response,
                   ComptoirReceivingPage *self)
{
  GPtrArray *suppliers = g_object_get_data (G_OBJECT (dialog), "suppliers");
  GtkDropDown *choice = g_object_get_data (G_OBJECT (dialog), "choice");
  GtkEditable *order_entry = g_object_get_data (G_OBJECT (dialog), "order");
  g_autofree char *order_text = g_strstrip (g_strdup (gtk_editable_get_text (order_entry)));
  g_auto (ComptoirPurchaseOrder) order = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *receipt_id = NULL;
  const ComptoirSupplier *supplier;
  gboolean resumed = FALSE;

  if (g_strcmp0 (response, "start") != 0)
    return;
  supplier = g_ptr_array_index (suppliers, gtk_drop_down_get_selected (choice));
  if (*order_text != '\0' && !comptoir_purchase_order_find (self->db, order_text, &order, &error))
    {
      _comptoir_receiving_page_show_message (self, error->message);
      return;
    }
  receipt_id = comptoir_goods_receipt_start (self->db, supplier->id, *order_text != '\0' ? order.id : NULL,
                                            &resumed, &error);
  if (receipt_id == NULL || !comptoir_receiving_page_open (self, receipt_id, &error))
    {
      _comptoir_receiving_page_show_message (self, error->message);
      return;
    }
  if (resumed)
    _comptoir_receiving_page_show_message (self, _("This order's receipt was already started: it goes on "
                                                   "where it was left."));
}

void
_comptoir_receiving_ask_start (ComptoirReceivingPage *self)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *suppliers = comptoir_supplier_list (self->db, FALSE, &error);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  AdwMessageDialog *dialog;
  GtkWidget *box, *choice, *order;

  if (suppliers == NULL)
    {
      _comptoir_receiving_page_show_message (self, error->message);
      return;
    }
  if (suppliers->len == 0)
    {
      g_ptr_array_unref (suppliers);
      _comptoir_receiving_page_show_message (self, _("No supplier yet: add one (comptoir-cli supplier add) "
                                                     "or import their catalogue first."));
      return;
    }
  for (guint i = 0; i < suppliers->len; i++)
    gtk_string_list_append (names, ((ComptoirSupplier *) g_ptr_array_index (suppliers, i))->name);

  dialog = dialog_new (self, _("Start a Receipt"),
                       _("Whose delivery is it? Give the order number when it answers an order: the "
                         "screen then shows what is expected."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  choice = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Supplier"), -1);
  order = comptoir_dialog_entry_new (_("Order number (optional), such as C-0042"), NULL);
  gtk_box_append (GTK_BOX (box), choice);
  gtk_box_append (GTK_BOX (box), order);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "start", _("_Start"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "start", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "suppliers", suppliers, (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data (G_OBJECT (dialog), "choice", choice);
  g_object_set_data (G_OBJECT (dialog), "order", order);
  comptoir_dialog_enter_responds (dialog, order, "start");
  g_signal_connect (dialog, "response", G_CALLBACK (on_start_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (order);
}

/* Unknown codes ------------------------------------------------------------ */

typedef struct {
  ComptoirReceivingPage *self;
  char                  *code;
  char                  *suggested_name;
  gint64                 suggested_price_cents;
  gint64                 pack_milli;
  GtkWidget             *entry;
} Unknown;

static void
unknown_free (Unknown *unknown)
{
  g_free (unknown->code);
  g_free (unknown->suggested_name);
  g_free (unknown);
}

static void ask_create (Unknown *unknown);

static void
on_unknown_response (AdwMessageDialog *dialog,
                     const char       *response,
                     Unknown          *unknown)
{
  ComptoirReceivingPage *self = unknown->self;
  g_auto (ComptoirReceiptScanResult) result = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProduct) product = NULL;
  const char *text;

  if (g_strcmp0 (response, "create") == 0)
    {
      ask_create (unknown);
      return;
    }
  _comptoir_receiving_page_focus_scan (self);
  if (g_strcmp0 (response, "link") != 0)
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (unknown->entry));
  product = comptoir_catalog_lookup (self->catalog, text, &error);
  if (product == NULL)
    {
      _comptoir_receiving_page_show_error (self, text, error->message);
      return;
    }
  if (!comptoir_goods_receipt_link_barcode (self->db, self->receipt_id, unknown->code,
                                            comptoir_product_get_id (product), 0, &result, &error))
    {
      _comptoir_receiving_page_show_error (self, unknown->code, error->message);
      return;
    }
  _comptoir_receiving_page_show_result (self, &result);
}

void
_comptoir_receiving_ask_unknown (ComptoirReceivingPage           *self,
                                 const ComptoirReceiptScanResult *result,
                                 const char                      *code)
{
  Unknown *unknown = g_new0 (Unknown, 1);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  unknown->self = self;
  unknown->code = g_strdup (result->code != NULL ? result->code : code);
  unknown->suggested_name = g_strdup (result->suggested_name);
  unknown->suggested_price_cents = result->suggested_price_cents;
  unknown->pack_milli = result->suggested_pack_milli;
  /* Translators: a code no product has, "No product has the code 3760…" */
  body = g_strdup_printf (_("No product has the code %s. Type the code or barcode of the product it is to link "
                            "them, or create the product."), unknown->code);
  dialog = dialog_new (self, _("Unknown Code"), body);
  unknown->entry = comptoir_dialog_entry_new (_("Our product's code or barcode"), NULL);
  adw_message_dialog_set_extra_child (dialog, unknown->entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "create", _("C_reate a Product…"),
                                    "link", _("_Link"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "link", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  comptoir_dialog_enter_responds (dialog, unknown->entry, "link");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_unknown_response), unknown,
                         (GClosureNotify) (void (*) (void)) unknown_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (unknown->entry);
}

static const int vat_rates[] = { 550, 1000, 2000, 210 };

static void
on_create_response (AdwMessageDialog *dialog,
                    const char       *response,
                    Unknown          *unknown)
{
  ComptoirReceivingPage *self = unknown->self;
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "name");
  GtkEditable *price = g_object_get_data (G_OBJECT (dialog), "price");
  GtkDropDown *vat = g_object_get_data (G_OBJECT (dialog), "vat");
  GtkDropDown *unit = g_object_get_data (G_OBJECT (dialog), "unit");
  g_auto (ComptoirReceiptScanResult) result = { 0 };
  g_autoptr (GError) error = NULL;
  ComptoirReceiptNewProduct product = { 0 };
  gint64 cents;

  _comptoir_receiving_page_focus_scan (self);
  if (g_strcmp0 (response, "create") != 0)
    return;
  if (!comptoir_money_parse (gtk_editable_get_text (price), &cents))
    {
      _comptoir_receiving_page_show_error (self, gtk_editable_get_text (price),
                                           _("Give the sale price in euros, such as 2,40."));
      return;
    }
  product.name = gtk_editable_get_text (name);
  product.unit = (ComptoirUnit) gtk_drop_down_get_selected (unit);
  product.price_cents = cents;
  product.vat_bp = vat_rates[gtk_drop_down_get_selected (vat)];
  product.purchase_price_cents = unknown->suggested_price_cents;
  product.pack_milli = unknown->pack_milli;
  if (!comptoir_goods_receipt_create_product (self->db, self->receipt_id, unknown->code, &product, &result, &error))
    {
      _comptoir_receiving_page_show_error (self, unknown->code, error->message);
      return;
    }
  _comptoir_receiving_page_show_result (self, &result);
}

static void
ask_create (Unknown *unknown)
{
  ComptoirReceivingPage *self = unknown->self;
  Unknown *copy = g_new0 (Unknown, 1);
  AdwMessageDialog *dialog;
  GtkWidget *box, *name, *price, *vat, *unit;
  const char * const vat_labels[] = { "5,5 %", "10 %", "20 %", "2,1 %", NULL };
  const char * const unit_labels[] = { _("By the piece"), _("By the kg"), _("By the litre"), NULL };
  g_autofree char *body = g_strdup_printf (_("The product of the code %s, sold at the till from now on. Its "
                                             "sale price includes VAT."), unknown->code);

  *copy = *unknown;
  copy->code = g_strdup (unknown->code);
  copy->suggested_name = g_strdup (unknown->suggested_name);
  dialog = dialog_new (self, _("Create a Product"), body);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  name = comptoir_dialog_entry_new (_("Name"), unknown->suggested_name);
  price = comptoir_dialog_entry_new (_("Sale price in €, VAT included"), NULL);
  vat = gtk_drop_down_new_from_strings (vat_labels);
  unit = gtk_drop_down_new_from_strings (unit_labels);
  gtk_accessible_update_property (GTK_ACCESSIBLE (vat), GTK_ACCESSIBLE_PROPERTY_LABEL, _("VAT rate"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (unit), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sold"), -1);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), price);
  gtk_box_append (GTK_BOX (box), vat);
  gtk_box_append (GTK_BOX (box), unit);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "create", _("C_reate and Count"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "name", name);
  g_object_set_data (G_OBJECT (dialog), "price", price);
  g_object_set_data (G_OBJECT (dialog), "vat", vat);
  g_object_set_data (G_OBJECT (dialog), "unit", unit);
  comptoir_dialog_enter_responds (dialog, price, "create");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_create_response), copy,
                         (GClosureNotify) (void (*) (void)) unknown_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (unknown->suggested_name != NULL ? price : name);
}

/* Weighed goods -------------------------------------------------------------- */

static void
on_weight_response (AdwMessageDialog      *dialog,
                    const char            *response,
                    ComptoirReceivingPage *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  const char *line_id = g_object_get_data (G_OBJECT (dialog), "line-id");
  g_auto (ComptoirReceiptScanResult) result = { 0 };
  g_autoptr (GError) error = NULL;
  gint64 grams;

  _comptoir_receiving_page_focus_scan (self);
  if (g_strcmp0 (response, "count") != 0)
    return;
  if (!comptoir_weight_parse (gtk_editable_get_text (entry), &grams, &error) ||
      !comptoir_goods_receipt_count (self->db, self->receipt_id, line_id, grams, NULL, NULL, NULL, FALSE,
                                     &result, &error))
    {
      _comptoir_receiving_page_show_error (self, gtk_editable_get_text (entry), error->message);
      return;
    }
  _comptoir_receiving_page_show_result (self, &result);
}

void
_comptoir_receiving_ask_weight (ComptoirReceivingPage           *self,
                                const ComptoirReceiptScanResult *result)
{
  /* Translators: a weighed product received, "Weight of Pommes Gala" */
  g_autofree char *heading = g_strdup_printf (_("Weight of %s"), result->line.label);
  AdwMessageDialog *dialog = dialog_new (self, heading, _("Type the weight on the crate or the delivery note: "
                                                          "grams (5000) or kilograms (5,000)."));
  GtkWidget *entry = comptoir_dialog_entry_new (_("Weight"), NULL);

  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "count", _("C_ount"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "count", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data_full (G_OBJECT (dialog), "line-id", g_strdup (result->line.id), g_free);
  comptoir_dialog_enter_responds (dialog, entry, "count");
  g_signal_connect (dialog, "response", G_CALLBACK (on_weight_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Validation and cancelling ------------------------------------------------ */

static void
on_validate_response (AdwMessageDialog      *dialog,
                      const char            *response,
                      ComptoirReceivingPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "validate") != 0)
    {
      _comptoir_receiving_page_focus_scan (self);
      return;
    }
  found = comptoir_goods_receipt_validate (self->db, self->receipt_id, &error);
  if (found == NULL)
    {
      _comptoir_receiving_page_show_error (self, "", error->message);
      return;
    }
  message = found->len == 0
    ? g_strdup (_("The goods are in stock, exactly as ordered."))
    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                    "The goods are in stock; %u difference is kept for the claim to the supplier.",
                                    "The goods are in stock; %u differences are kept for the claim to the supplier.",
                                    found->len),
                       found->len);
  _comptoir_receiving_page_back_to_list (self);
  _comptoir_receiving_page_show_message (self, message);
}

void
_comptoir_receiving_ask_validate (ComptoirReceivingPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) preview = comptoir_goods_receipt_discrepancies_preview (self->db, self->receipt_id, &error);
  g_autoptr (GString) text = g_string_new (NULL);
  AdwMessageDialog *dialog;
  GtkWidget *label, *scrolled;

  if (preview == NULL)
    {
      _comptoir_receiving_page_show_error (self, "", error->message);
      return;
    }
  for (guint i = 0; i < preview->len; i++)
    {
      const ComptoirReceiptDiscrepancy *d = g_ptr_array_index (preview, i);

      g_string_append_printf (text, "%s• %s", i > 0 ? "\n" : "", d->message);
    }
  dialog = dialog_new (self, _("Put the Goods in Stock?"),
                       preview->len == 0 ? _("Everything received matches the order.")
                                         : _("What differs from the order is kept for the claim to the supplier:"));
  if (preview->len > 0)
    {
      label = gtk_label_new (text->str);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      /* A width of its own: measured at the dialog's narrow default, the
       * list would wrap every line and be cut at the bottom. */
      gtk_label_set_width_chars (GTK_LABEL (label), 52);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 52);
      scrolled = gtk_scrolled_window_new ();
      gtk_widget_set_size_request (scrolled, 480, -1);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      adw_message_dialog_set_extra_child (dialog, scrolled);
    }
  adw_message_dialog_add_responses (dialog, "cancel", _("_Keep Scanning"), "validate", _("_Put in Stock"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "validate", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "validate");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_validate_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_cancel_response (AdwMessageDialog      *dialog,
                    const char            *response,
                    ComptoirReceivingPage *self)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "abandon") != 0)
    {
      refocus (dialog, response, self);
      return;
    }
  if (!comptoir_goods_receipt_cancel (self->db, self->receipt_id, &error))
    {
      _comptoir_receiving_page_show_error (self, "", error->message);
      return;
    }
  _comptoir_receiving_page_back_to_list (self);
  _comptoir_receiving_page_show_message (self, _("The receipt is cancelled: nothing was put in stock."));
}

void
_comptoir_receiving_ask_cancel (ComptoirReceivingPage *self)
{
  AdwMessageDialog *dialog = dialog_new (self, _("Cancel This Receipt?"),
                                         _("Nothing of it goes into stock. The scans stay recorded, but the "
                                           "receipt cannot be resumed."));

  adw_message_dialog_add_responses (dialog, "keep", _("_Keep Receiving"), "abandon", _("C_ancel the Receipt"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "abandon", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect (dialog, "response", G_CALLBACK (on_cancel_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}
