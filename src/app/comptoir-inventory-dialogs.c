/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-inventory-view"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-dialog.h"
#include "comptoir-inventory-view-private.h"
#include "comptoir-stock-page-private.h"

/* The questions of a count: what is counted, how much a weighed product
 * weighs, whether to post the differences, whether to give the count
 * up. Enter answers each, as the person has a scanner in one hand. */

static void
refocus (AdwMessageDialog      *dialog,
         const char            *response,
         ComptoirInventoryView *self)
{
  _comptoir_inventory_view_focus_scan (self);
}

/* Start ------------------------------------------------------------------------ */

static const char *
category_chosen (AdwMessageDialog *dialog)
{
  GPtrArray *categories = g_object_get_data (G_OBJECT (dialog), "categories");
  AdwComboRow *choice = g_object_get_data (G_OBJECT (dialog), "category");
  guint selected = adw_combo_row_get_selected (choice);

  /* The first choice is no category. */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > categories->len)
    return NULL;
  return ((ComptoirCategory *) g_ptr_array_index (categories, selected - 1))->id;
}

/* The label typed, or the category's name when none was typed. */
static char *
label_chosen (AdwMessageDialog *dialog)
{
  GPtrArray *categories = g_object_get_data (G_OBJECT (dialog), "categories");
  AdwComboRow *choice = g_object_get_data (G_OBJECT (dialog), "category");
  GtkEditable *label = g_object_get_data (G_OBJECT (dialog), "label");
  guint selected = adw_combo_row_get_selected (choice);

  if (!comptoir_text_is_blank (gtk_editable_get_text (label)))
    return g_strstrip (g_strdup (gtk_editable_get_text (label)));
  if (selected > 0 && selected <= categories->len)
    return g_strdup (((ComptoirCategory *) g_ptr_array_index (categories, selected - 1))->name);
  return NULL;
}

static void
on_start_changed (AdwMessageDialog *dialog)
{
  g_autofree char *label = label_chosen (dialog);

  adw_message_dialog_set_response_enabled (dialog, "start", label != NULL);
}

static void
on_start_response (AdwMessageDialog      *dialog,
                   const char            *response,
                   ComptoirInventoryView *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *label = label_chosen (dialog);
  g_autofree char *count_id = NULL;

  if (g_strcmp0 (response, "start") != 0 || label == NULL)
    return;
  count_id = comptoir_inventory_start (self->db, label, category_chosen (dialog), &error);
  if (count_id == NULL || !comptoir_inventory_view_open (self, count_id, &error))
    _comptoir_inventory_view_show_message (self, error->message);
}

void
_comptoir_inventory_ask_start (ComptoirInventoryView *self)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *categories = comptoir_catalog_list_categories (self->catalog, &error);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  AdwMessageDialog *dialog;
  GtkWidget *list, *label, *choice;

  if (categories == NULL)
    {
      _comptoir_inventory_view_show_message (self, error->message);
      return;
    }
  gtk_string_list_append (names, _("None: a zone, any product"));
  for (guint i = 0; i < categories->len; i++)
    gtk_string_list_append (names, ((ComptoirCategory *) g_ptr_array_index (categories, i))->name);

  dialog = comptoir_dialog_new (GTK_WIDGET (self), _("Start a Count"),
                                _("Name what is counted: an aisle, the reserve, a category. With a category, its "
                                  "products that were not counted are listed when the count is validated."));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_size_request (list, 400, -1);
  label = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (label), _("Label, such as Aisle 3"));
  choice = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (choice), _("Category"));
  adw_combo_row_set_model (ADW_COMBO_ROW (choice), G_LIST_MODEL (names));
  gtk_list_box_append (GTK_LIST_BOX (list), label);
  gtk_list_box_append (GTK_LIST_BOX (list), choice);
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "start", _("_Start"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "start", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_enabled (dialog, "start", FALSE);
  g_object_set_data_full (G_OBJECT (dialog), "categories", categories, (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data (G_OBJECT (dialog), "category", choice);
  g_object_set_data (G_OBJECT (dialog), "label", label);
  g_signal_connect_swapped (label, "changed", G_CALLBACK (on_start_changed), dialog);
  g_signal_connect_swapped (choice, "notify::selected", G_CALLBACK (on_start_changed), dialog);
  comptoir_dialog_enter_responds (dialog, label, "start");
  g_signal_connect (dialog, "response", G_CALLBACK (on_start_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (label);
}

/* Weighed goods ----------------------------------------------------------------- */

static void
on_weight_response (AdwMessageDialog      *dialog,
                    const char            *response,
                    ComptoirInventoryView *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  ComptoirProduct *product = g_object_get_data (G_OBJECT (dialog), "product");
  const char *code = g_object_get_data (G_OBJECT (dialog), "code");
  g_autoptr (GError) error = NULL;
  gint64 quantity;

  _comptoir_inventory_view_focus_scan (self);
  if (g_strcmp0 (response, "count") != 0)
    return;
  if (!comptoir_stock_quantity_parse (comptoir_product_get_unit (product), gtk_editable_get_text (entry), FALSE,
                                      &quantity, &error))
    {
      _comptoir_inventory_view_show_error (self, gtk_editable_get_text (entry), error->message);
      return;
    }
  _comptoir_inventory_view_add (self, code, quantity, 0);
}

void
_comptoir_inventory_ask_weight (ComptoirInventoryView *self,
                                const char            *code,
                                ComptoirProduct       *product)
{
  /* Translators: a weighed product counted, "Quantity of Comté au kilo" */
  g_autofree char *heading = g_strdup_printf (_("Quantity of %s"), comptoir_product_get_name (product));
  AdwMessageDialog *dialog = comptoir_dialog_new (GTK_WIDGET (self), heading,
                                                  comptoir_product_get_unit (product) == COMPTOIR_UNIT_LITRE
                                                    ? _("Type the volume counted: litres (1,5) or millilitres "
                                                        "(750 ml).")
                                                    : _("Type the weight counted: kilograms (1,5) or grams "
                                                        "(350 g)."));
  GtkWidget *entry = comptoir_dialog_entry_new (_("Quantity counted"), NULL);

  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "count", _("C_ount"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "count", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data_full (G_OBJECT (dialog), "product", g_object_ref (product), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "code", g_strdup (code), g_free);
  comptoir_dialog_enter_responds (dialog, entry, "count");
  g_signal_connect (dialog, "response", G_CALLBACK (on_weight_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Validation -------------------------------------------------------------------- */

static void
on_validate_response (AdwMessageDialog      *dialog,
                      const char            *response,
                      ComptoirInventoryView *self)
{
  GtkCheckButton *zero = g_object_get_data (G_OBJECT (dialog), "zero");
  g_auto (ComptoirInventoryResult) result = { 0 };
  g_auto (ComptoirInventoryCount) count = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *money = NULL;
  g_autofree char *message = NULL;
  GtkWidget *page;
  ComptoirInventoryFlags flags = COMPTOIR_INVENTORY_VALIDATE_DEFAULT;

  if (g_strcmp0 (response, "validate") != 0)
    {
      refocus (dialog, response, self);
      return;
    }
  if (zero != NULL && gtk_check_button_get_active (zero))
    flags |= COMPTOIR_INVENTORY_ZERO_UNCOUNTED;
  if (!comptoir_inventory_get (self->db, self->count_id, &count, &error) ||
      !comptoir_inventory_validate (self->db, self->count_id, flags, &result, &error))
    {
      _comptoir_inventory_view_show_error (self, "", error->message);
      return;
    }
  money = _comptoir_stock_format_money (result.difference_cents);
  message = result.n_adjusted == 0
    ? g_strdup_printf (_("“%s” is validated: the stock matched the count."), count.label)
    /* Translators: "“Aisle 3” is validated: 4 products adjusted, -6,30 € at cost." */
    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "“%s” is validated: %u product adjusted, %s at cost.",
                                    "“%s” is validated: %u products adjusted, %s at cost.", result.n_adjusted),
                       count.label, result.n_adjusted, money);
  _comptoir_inventory_view_back_to_list (self);
  _comptoir_inventory_view_show_message (self, message);
  page = gtk_widget_get_ancestor (GTK_WIDGET (self), COMPTOIR_TYPE_STOCK_PAGE);
  if (page != NULL)
    _comptoir_stock_page_update_valuation (COMPTOIR_STOCK_PAGE (page));
}

/* At most this many lines in the dialog: the rest is on the screen. */
#define MAX_LISTED 200

static void
append_differences (GString   *text,
                    GPtrArray *lines,
                    guint      n_differ)
{
  guint listed = 0;

  for (guint i = 0; i < lines->len && listed < MAX_LISTED; i++)
    {
      const ComptoirInventoryLine *line = g_ptr_array_index (lines, i);
      g_autofree char *counted = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *difference = NULL;
      g_autofree char *money = NULL;

      if (line->difference_milli == 0)
        continue;
      counted = _comptoir_stock_format_quantity (line->unit, line->counted_milli, FALSE);
      expected = _comptoir_stock_format_quantity (line->unit, line->expected_milli, FALSE);
      difference = _comptoir_stock_format_quantity (line->unit, line->difference_milli, TRUE);
      money = _comptoir_stock_format_money (line->difference_cents);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: "• Pâtes penne: 3 counted, 5 expected (-2, -2,40 €)" */
      g_string_append_printf (text, _("• %s: %s counted, %s expected (%s, %s)"), line->name, counted, expected,
                              difference, money);
      listed++;
    }
  if (n_differ > listed)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "\n… and %u more", "\n… and %u more",
                                               n_differ - listed),
                            n_differ - listed);
}

static void
append_uncounted (GString   *text,
                  GPtrArray *uncounted)
{
  for (guint i = 0; i < uncounted->len && i < MAX_LISTED; i++)
    {
      const ComptoirStockItem *item = g_ptr_array_index (uncounted, i);
      g_autofree char *quantity = _comptoir_stock_format_quantity (item->unit, item->quantity_milli, FALSE);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a product not counted, "• Farine T65: 4 in stock" */
      g_string_append_printf (text, _("• %s: %s in stock"), item->name, quantity);
    }
  if (uncounted->len > MAX_LISTED)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "\n… and %u more", "\n… and %u more",
                                               uncounted->len - MAX_LISTED),
                            uncounted->len - MAX_LISTED);
}

static GtkWidget *
text_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  /* A width of its own: measured at the dialog's narrow default, the
   * list would wrap every line and be cut at the bottom. */
  gtk_label_set_width_chars (GTK_LABEL (label), 52);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 52);
  return label;
}

void
_comptoir_inventory_ask_validate (ComptoirInventoryView *self)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirInventoryCount) count = { 0 };
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GPtrArray) uncounted = NULL;
  g_autoptr (GString) differences = g_string_new (NULL);
  g_autoptr (GString) missing = g_string_new (NULL);
  g_autofree char *body = NULL;
  g_autofree char *money = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *box, *scrolled, *zero;
  gint64 difference_cents = 0;
  guint n_differ = 0;

  if (self->count_id == NULL)
    return;
  if (!comptoir_inventory_get (self->db, self->count_id, &count, &error) ||
      !(lines = comptoir_inventory_list (self->db, self->count_id, &error)) ||
      !(uncounted = comptoir_inventory_list_uncounted (self->db, self->count_id, &error)))
    {
      _comptoir_inventory_view_show_error (self, "", error->message);
      return;
    }
  if (lines->len == 0)
    {
      _comptoir_inventory_view_show_error (self, "", _("Nothing is counted yet: scan the products first, or cancel "
                                                       "the count."));
      return;
    }
  for (guint i = 0; i < lines->len; i++)
    {
      const ComptoirInventoryLine *line = g_ptr_array_index (lines, i);

      n_differ += line->difference_milli != 0;
      difference_cents += line->difference_cents;
    }
  money = _comptoir_stock_format_money (difference_cents);
  if (n_differ == 0)
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u product counted: it matches the stock.",
                                         "%u products counted: all match the stock.", lines->len),
                            lines->len);
  else
    /* Translators: "12 products counted. These differ from the stock, -4,20 € at average cost, and are
     * posted as inventory adjustments:" */
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u product counted. It differs from the stock, %s at average cost, and is "
                                         "posted as an inventory adjustment:",
                                         "%u products counted. These differ from the stock, %s at average cost, "
                                         "and are posted as inventory adjustments:",
                                         lines->len),
                            lines->len, money);
  dialog = comptoir_dialog_new (GTK_WIDGET (self), _("Validate the Count?"), body);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_size_request (box, 480, -1);
  append_differences (differences, lines, n_differ);
  if (differences->len > 0)
    gtk_box_append (GTK_BOX (box), text_label_new (differences->str));
  if (uncounted->len > 0)
    {
      g_autofree char *intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u product of “%s” in stock was not counted:",
                                                             "%u products of “%s” in stock were not counted:",
                                                             uncounted->len),
                                                uncounted->len, count.category_name);
      GtkWidget *heading = text_label_new (intro);

      gtk_widget_add_css_class (heading, "heading");
      append_uncounted (missing, uncounted);
      gtk_box_append (GTK_BOX (box), heading);
      gtk_box_append (GTK_BOX (box), text_label_new (missing->str));
    }
  if (gtk_widget_get_first_child (box) != NULL)
    {
      scrolled = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      if (uncounted->len > 0)
        {
          GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

          /* Unticked: an aisle not reached is not an empty aisle. */
          zero = gtk_check_button_new_with_mnemonic (_("Set the products not counted to _zero: the whole category "
                                                       "was counted"));
          g_object_set_data (G_OBJECT (dialog), "zero", zero);
          gtk_box_append (GTK_BOX (outer), scrolled);
          gtk_box_append (GTK_BOX (outer), zero);
          adw_message_dialog_set_extra_child (dialog, outer);
        }
      else
        adw_message_dialog_set_extra_child (dialog, scrolled);
    }
  else
    {
      /* Nothing to list: the box was never given to the dialog. */
      g_object_ref_sink (box);
      g_object_unref (box);
    }
  adw_message_dialog_add_responses (dialog, "cancel", _("_Keep Counting"), "validate", _("_Validate"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "validate", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "validate");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_validate_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Cancelling --------------------------------------------------------------------- */

static void
on_cancel_response (AdwMessageDialog      *dialog,
                    const char            *response,
                    ComptoirInventoryView *self)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "abandon") != 0)
    {
      refocus (dialog, response, self);
      return;
    }
  if (!comptoir_inventory_cancel (self->db, self->count_id, &error))
    {
      _comptoir_inventory_view_show_error (self, "", error->message);
      return;
    }
  _comptoir_inventory_view_back_to_list (self);
  _comptoir_inventory_view_show_message (self, _("The count is cancelled: nothing was posted to the stock."));
}

void
_comptoir_inventory_ask_cancel (ComptoirInventoryView *self)
{
  AdwMessageDialog *dialog = comptoir_dialog_new (GTK_WIDGET (self), _("Cancel This Count?"),
                                                  _("Nothing of it is posted to the stock. Its entries stay "
                                                    "recorded, but the count cannot be resumed."));

  adw_message_dialog_add_responses (dialog, "keep", _("_Keep Counting"), "abandon", _("C_ancel the Count"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "abandon", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect (dialog, "response", G_CALLBACK (on_cancel_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}
