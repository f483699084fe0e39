/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-stock-page"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-dialog.h"
#include "comptoir-stock-page-private.h"

/* What a person records by hand on Levels: a loss, a correction, a
 * transfer to another product. Each form checks what is typed as it is
 * typed, says what is wrong under the fields, and only lets the answer
 * be given once the core can take it; the core's own refusals then go
 * to the page's toast. */

static const char * const loss_reasons[] = { "loss", "breakage", "expired", "theft" };

typedef enum {
  FORM_LOSS,
  FORM_CORRECT,
  FORM_TRANSFER,
} FormKind;

typedef struct {
  FormKind           kind;
  ComptoirStockPage *self;
  ComptoirProduct   *product;     /* the product shown when asked */
  ComptoirProduct   *other;       /* transfer: the product it becomes, when found */
  AdwMessageDialog  *dialog;
  GtkWidget         *quantity;
  GtkWidget         *reason;
  GtkWidget         *cost;
  GtkWidget         *other_code;
  GtkWidget         *other_quantity;
  GtkWidget         *note;
  GtkLabel          *hint;
  const char        *response;
} Form;

static void
form_free (Form *form)
{
  g_clear_object (&form->product);
  g_clear_object (&form->other);
  g_free (form);
}

static const char *
how_to_type (ComptoirUnit unit)
{
  switch (unit)
    {
    case COMPTOIR_UNIT_KG:
      return _("Type kilograms (1,5) or grams (350 g).");
    case COMPTOIR_UNIT_LITRE:
      return _("Type litres (1,5) or millilitres (750 ml).");
    case COMPTOIR_UNIT_PIECE:
    default:
      return _("Type a number of pieces (3).");
    }
}

static GtkWidget *
entry_row_new (GtkWidget  *list,
               const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

static const char *
text_of (GtkWidget *editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static gboolean
is_blank (GtkWidget *editable)
{
  return comptoir_text_is_blank (text_of (editable));
}

/* A quantity field: FALSE with error only once something was typed. */
static gboolean
parse_quantity (GtkWidget    *editable,
                ComptoirUnit  unit,
                gboolean      allow_negative,
                gint64       *out,
                GError      **error)
{
  if (is_blank (editable))
    return FALSE;
  return comptoir_stock_quantity_parse (unit, text_of (editable), allow_negative, out, error);
}

/* The cost of a correction: none, or euros as people type them. */
static gboolean
parse_cost (GtkWidget  *editable,
            gint64     *out,
            GError    **error)
{
  *out = -1;
  if (is_blank (editable))
    return TRUE;
  if (comptoir_money_parse (text_of (editable), out) && *out >= 0)
    return TRUE;
  g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
               _("“%s” is not a price: type euros, such as 1,20."), text_of (editable));
  return FALSE;
}

typedef struct {
  gint64 quantity;
  gint64 other_quantity;
  gint64 cost;
} Values;

/* Whether the form can be answered; error: what to say under it (may be
 * left unset when a field is only empty). */
static gboolean
form_check (Form    *form,
            Values  *values,
            GError **error)
{
  ComptoirUnit unit = comptoir_product_get_unit (form->product);

  switch (form->kind)
    {
    case FORM_LOSS:
      return parse_quantity (form->quantity, unit, FALSE, &values->quantity, error);
    case FORM_CORRECT:
      if (!parse_quantity (form->quantity, unit, TRUE, &values->quantity, error) ||
          !parse_cost (form->cost, &values->cost, error))
        return FALSE;
      if (values->quantity == 0)
        {
          g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                               _("A correction of 0 changes nothing: type what to add or take away."));
          return FALSE;
        }
      if (is_blank (form->note))
        {
          g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                               _("Say why the stock is corrected: it cannot be understood later without a note."));
          return FALSE;
        }
      return TRUE;
    case FORM_TRANSFER:
    default:
      if (!parse_quantity (form->quantity, unit, FALSE, &values->quantity, error))
        return FALSE;
      if (form->other == NULL)
        {
          if (!is_blank (form->other_code))
            g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                         _("No product has the code or barcode %s."), text_of (form->other_code));
          return FALSE;
        }
      if (g_str_equal (comptoir_product_get_id (form->other), comptoir_product_get_id (form->product)))
        {
          g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                               _("Goods are transferred to another product: give the code of the product they "
                                 "become."));
          return FALSE;
        }
      return parse_quantity (form->other_quantity, comptoir_product_get_unit (form->other), FALSE,
                             &values->other_quantity, error);
    }
}

static void
on_form_changed (Form *form)
{
  g_autoptr (GError) error = NULL;
  Values values = { 0 };
  gboolean ok;

  if (form->kind == FORM_TRANSFER)
    {
      g_clear_object (&form->other);
      if (!is_blank (form->other_code))
        form->other = comptoir_catalog_lookup (form->self->catalog, text_of (form->other_code), NULL);
    }
  ok = form_check (form, &values, &error);
  adw_message_dialog_set_response_enabled (form->dialog, form->response, ok);
  gtk_widget_remove_css_class (GTK_WIDGET (form->hint), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (form->hint), "dim-label");
  if (error != NULL)
    {
      gtk_label_set_label (form->hint, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (form->hint), "error");
    }
  else if (form->kind == FORM_TRANSFER && form->other != NULL)
    {
      /* Translators: the product a transfer goes to, "Becomes: Riz sachet 500 g (per piece)" */
      g_autofree char *text = g_strdup_printf (_("Becomes: %s (%s)"), comptoir_product_get_name (form->other),
                                               comptoir_unit_get_label (comptoir_product_get_unit (form->other)));
      gtk_label_set_label (form->hint, text);
      gtk_widget_add_css_class (GTK_WIDGET (form->hint), "dim-label");
    }
  else
    gtk_label_set_label (form->hint, "");
}

static char *
now_in_stock (ComptoirStockPage *self,
              ComptoirProduct   *product)
{
  ComptoirStock stock;

  if (!comptoir_stock_get (self->db, comptoir_product_get_id (product), &stock, NULL))
    return g_strdup ("?");
  return _comptoir_stock_format_quantity (comptoir_product_get_unit (product), stock.quantity_milli, FALSE);
}

static void
on_form_response (AdwMessageDialog *dialog,
                  const char       *response,
                  Form             *form)
{
  ComptoirStockPage *self = form->self;
  const char *id = comptoir_product_get_id (form->product);
  const char *name = comptoir_product_get_name (form->product);
  ComptoirUnit unit = comptoir_product_get_unit (form->product);
  const char *note = is_blank (form->note) ? NULL : text_of (form->note);
  g_autoptr (GError) error = NULL;
  g_autofree char *quantity = NULL;
  g_autofree char *left = NULL;
  g_autofree char *message = NULL;
  Values values = { 0 };
  gboolean ok = FALSE;

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  if (g_strcmp0 (response, form->response) != 0)
    return;
  if (!form_check (form, &values, &error))
    {
      if (error != NULL)
        _comptoir_stock_page_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  quantity = _comptoir_stock_format_quantity (unit, values.quantity, form->kind == FORM_CORRECT);
  switch (form->kind)
    {
    case FORM_LOSS:
      {
        const char *reason = loss_reasons[MIN (adw_combo_row_get_selected (ADW_COMBO_ROW (form->reason)),
                                               G_N_ELEMENTS (loss_reasons) - 1)];

        ok = comptoir_stock_record_loss (self->db, id, values.quantity, reason, note, NULL, &error);
        if (ok)
          {
            left = now_in_stock (self, form->product);
            /* Translators: "Breakage of 2 recorded for “Pâtes penne”; 8 left in stock." */
            message = g_strdup_printf (_("%s of %s recorded for “%s”; %s left in stock."),
                                       comptoir_stock_reason_get_label (reason), quantity, name, left);
          }
      }
      break;
    case FORM_CORRECT:
      ok = comptoir_stock_correct (self->db, id, values.quantity, values.cost, note, NULL, &error);
      if (ok)
        {
          left = now_in_stock (self, form->product);
          /* Translators: "Stock of “Pâtes penne” corrected by -3; 7 now." */
          message = g_strdup_printf (_("Stock of “%s” corrected by %s; %s now."), name, quantity, left);
        }
      break;
    case FORM_TRANSFER:
    default:
      ok = comptoir_stock_transfer (self->db, id, values.quantity, comptoir_product_get_id (form->other),
                                    values.other_quantity, note, NULL, &error);
      if (ok)
        {
          g_autofree char *made = _comptoir_stock_format_quantity (comptoir_product_get_unit (form->other),
                                                                   values.other_quantity, FALSE);
          /* Translators: "5,000 kg of “Riz vrac” became 10 of “Riz sachet 500 g”." */
          message = g_strdup_printf (_("%s of “%s” became %s of “%s”."), quantity, name, made,
                                     comptoir_product_get_name (form->other));
        }
      break;
    }
  if (!ok)
    {
      _comptoir_stock_page_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  _comptoir_stock_page_show_message (GTK_WIDGET (self), message);
  _comptoir_stock_levels_refresh (self);
  _comptoir_stock_page_update_valuation (self);
}

/* The dialog around a form's fields; first is focused. */
static void
form_present (Form       *form,
              const char *heading,
              const char *body,
              GtkWidget  *list,
              const char *response_label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *hint = gtk_label_new (NULL);
  GtkWidget *fields[] = { form->quantity, form->cost, form->other_code, form->other_quantity, form->note };

  form->dialog = comptoir_dialog_new (GTK_WIDGET (form->self), heading, body);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  form->hint = GTK_LABEL (hint);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  /* Wide enough for the titles: the dialog's default is narrow. */
  gtk_widget_set_size_request (box, 400, -1);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), hint);
  adw_message_dialog_set_extra_child (form->dialog, box);
  adw_message_dialog_add_responses (form->dialog, "cancel", _("_Cancel"), form->response, response_label, NULL);
  adw_message_dialog_set_response_appearance (form->dialog, form->response, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (form->dialog, "cancel");
  adw_message_dialog_set_response_enabled (form->dialog, form->response, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i] != NULL)
      {
        g_signal_connect_swapped (fields[i], "changed", G_CALLBACK (on_form_changed), form);
        comptoir_dialog_enter_responds (form->dialog, fields[i], form->response);
      }
  g_signal_connect_data (form->dialog, "response", G_CALLBACK (on_form_response), form,
                         (GClosureNotify) (void (*) (void)) form_free, 0);
  gtk_window_present (GTK_WINDOW (form->dialog));
  gtk_widget_grab_focus (form->quantity);
}

static Form *
form_new (ComptoirStockPage *self,
          FormKind           kind,
          const char        *response)
{
  Form *form = g_new0 (Form, 1);

  form->kind = kind;
  form->self = self;
  form->product = g_object_ref (self->product);
  form->response = response;
  return form;
}

void
_comptoir_stock_ask_loss (ComptoirStockPage *self)
{
  Form *form;
  GtkWidget *list = gtk_list_box_new ();
  g_autoptr (GtkStringList) reasons = gtk_string_list_new (NULL);
  g_autofree char *body = NULL;

  if (self->product == NULL)
    return;
  form = form_new (self, FORM_LOSS, "record");
  /* Translators: the name of the product, then how to type its quantity */
  body = g_strdup_printf (_("Goods of “%s” that left without being sold go out of the stock at their average "
                            "cost. %s"),
                          comptoir_product_get_name (self->product),
                          how_to_type (comptoir_product_get_unit (self->product)));
  form->quantity = entry_row_new (list, _("Quantity Lost"));
  for (guint i = 0; i < G_N_ELEMENTS (loss_reasons); i++)
    gtk_string_list_append (reasons, comptoir_stock_reason_get_label (loss_reasons[i]));
  form->reason = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->reason), _("Reason"));
  adw_combo_row_set_model (ADW_COMBO_ROW (form->reason), G_LIST_MODEL (reasons));
  gtk_list_box_append (GTK_LIST_BOX (list), form->reason);
  form->note = entry_row_new (list, _("Note (optional)"));
  form_present (form, _("Record a Loss"), body, list, _("_Record"));
}

void
_comptoir_stock_ask_correct (ComptoirStockPage *self)
{
  Form *form;
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *body = NULL;
  g_autofree char *cost_title = NULL;

  if (self->product == NULL)
    return;
  form = form_new (self, FORM_CORRECT, "correct");
  body = g_strdup_printf (_("A correction said in words: the stock of “%s” when the shop started with Comptoir, a "
                            "receipt recorded twice. Type what to add (12) or take away (-3). %s"),
                          comptoir_product_get_name (self->product),
                          how_to_type (comptoir_product_get_unit (self->product)));
  form->quantity = entry_row_new (list, _("Quantity to Add or Take Away"));
  /* Translators: "Purchase Cost Excl. VAT per kg (optional, for goods in)" */
  cost_title = g_strdup_printf (_("Purchase Cost Excl. VAT %s (optional, for goods in)"),
                                comptoir_unit_get_label (comptoir_product_get_unit (self->product)));
  form->cost = entry_row_new (list, cost_title);
  form->note = entry_row_new (list, _("Why (required)"));
  form_present (form, _("Correct the Stock"), body, list, _("C_orrect"));
}

void
_comptoir_stock_ask_transfer (ComptoirStockPage *self)
{
  Form *form;
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *body = NULL;

  if (self->product == NULL)
    return;
  form = form_new (self, FORM_TRANSFER, "transfer");
  body = g_strdup_printf (_("Goods of “%s” that become another product: a sack repacked into bags, a case opened "
                            "into units. Their value at average cost goes with them. %s"),
                          comptoir_product_get_name (self->product),
                          how_to_type (comptoir_product_get_unit (self->product)));
  form->quantity = entry_row_new (list, _("Quantity Taken"));
  form->other_code = entry_row_new (list, _("Code or Barcode of the Product It Becomes"));
  form->other_quantity = entry_row_new (list, _("Quantity It Makes"));
  form->note = entry_row_new (list, _("Note (optional)"));
  form_present (form, _("Transfer to Another Product"), body, list, _("_Transfer"));
}
