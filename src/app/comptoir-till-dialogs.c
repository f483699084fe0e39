/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-till-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-till-dialogs.h"

#define MAX_FIELDS 4

typedef struct {
  GCallback  callback;
  gpointer   user_data;
  GtkWidget *entry;
  GtkWidget *fields[MAX_FIELDS];
  guint      n_fields;
  GtkWidget *spins[COMPTOIR_N_DENOMINATIONS];
  GtkWidget *total_label;
} Ask;

static Ask *
ask_new (GCallback callback,
         gpointer  user_data)
{
  Ask *ask = g_new0 (Ask, 1);

  ask->callback = callback;
  ask->user_data = user_data;
  return ask;
}

static AdwMessageDialog *
message_dialog_new (GtkWidget  *parent,
                    const char *heading,
                    const char *body,
                    const char *confirm_label)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  AdwMessageDialog *dialog =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "confirm", confirm_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "confirm", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "confirm");
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

/* GTK 4.8's password entry watches the keyboard's Caps Lock while it has
 * the focus and trips over its own finalization if its window goes away
 * then: take the focus off before the dialog is destroyed. */
static gboolean
unfocus (GtkWindow *window)
{
  gtk_window_set_focus (window, NULL);
  return FALSE;
}

/* Confirms once the entry's own activate handling is over: destroying
 * the dialog from inside it would pull the entry from under its feet. */
static gboolean
confirm_later (gpointer data)
{
  AdwMessageDialog *dialog = data;

  adw_message_dialog_response (dialog, "confirm");
  unfocus (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  return G_SOURCE_REMOVE;
}

static void
confirm (AdwMessageDialog *dialog)
{
  g_idle_add (confirm_later, g_object_ref (dialog));
}

/* Enter confirms, as a cashier expects, when the answer is acceptable.
 * (libadwaita 1.2 makes a button it may not have realized the default
 * widget, so the entry's activates-default does nothing: respond here.) */
static void
on_entry_activate (GtkEntry         *entry,
                   AdwMessageDialog *dialog)
{
  if (!adw_message_dialog_get_response_enabled (dialog, "confirm"))
    {
      gtk_widget_error_bell (GTK_WIDGET (entry));
      return;
    }
  confirm (dialog);
}

static GtkWidget *
add_entry (AdwMessageDialog *dialog,
           const char       *accessible_label)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  gtk_widget_add_css_class (entry, "till-dialog-entry");
  g_signal_connect (entry, "activate", G_CALLBACK (on_entry_activate), dialog);
  adw_message_dialog_set_extra_child (dialog, entry);
  return entry;
}

/* The Add button only works on a weight that makes sense; the body says
 * what is wrong meanwhile, so nothing needs to be retyped from scratch. */
static void
on_weight_changed (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autoptr (GError) error = NULL;
  const char *text = gtk_editable_get_text (entry);
  gint64 grams;
  gboolean valid = comptoir_weight_parse (text, &grams, &error);

  adw_message_dialog_set_response_enabled (dialog, "confirm", valid);
  if (!valid && *text != '\0')
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

static void
on_weight_response (AdwMessageDialog *dialog,
                    const char       *response,
                    Ask              *ask)
{
  gint64 grams;

  if (g_str_equal (response, "confirm") &&
      comptoir_weight_parse (gtk_editable_get_text (GTK_EDITABLE (ask->entry)), &grams, NULL))
    ((ComptoirWeightFunc) ask->callback) (ask->user_data, grams);
}

void
comptoir_till_ask_weight (GtkWidget          *parent,
                          ComptoirProduct    *product,
                          ComptoirWeightFunc  callback,
                          gpointer            user_data)
{
  g_autofree char *heading = g_strdup_printf (_("Weight of %s"), comptoir_product_get_name (product));
  g_autofree char *price = comptoir_money_format_local (comptoir_product_get_price_cents (product));
  g_autofree char *body = g_strdup_printf (_("%s € per kg. Type grams (350) or kilograms (0,350)."), price);
  AdwMessageDialog *dialog = message_dialog_new (parent, heading, body, _("_Add"));
  Ask *ask = ask_new (G_CALLBACK (callback), user_data);

  ask->entry = add_entry (dialog, _("Weight"));
  adw_message_dialog_set_response_enabled (dialog, "confirm", FALSE);
  g_signal_connect (ask->entry, "changed", G_CALLBACK (on_weight_changed), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_weight_response), ask,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (ask->entry);
}

static void
on_reason_changed (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "confirm", *text != '\0');
}

static void
on_reason_response (AdwMessageDialog *dialog,
                    const char       *response,
                    Ask              *ask)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (ask->entry))));

  if (g_str_equal (response, "confirm") && *text != '\0')
    ((ComptoirTextFunc) ask->callback) (ask->user_data, text);
}

void
comptoir_till_ask_reason (GtkWidget        *parent,
                          const char       *heading,
                          const char       *body,
                          const char       *confirm_label,
                          ComptoirTextFunc  callback,
                          gpointer          user_data)
{
  AdwMessageDialog *dialog = message_dialog_new (parent, heading, body, confirm_label);
  Ask *ask = ask_new (G_CALLBACK (callback), user_data);

  ask->entry = add_entry (dialog, _("Reason"));
  adw_message_dialog_set_response_enabled (dialog, "confirm", FALSE);
  g_signal_connect (ask->entry, "changed", G_CALLBACK (on_reason_changed), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_reason_response), ask,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (ask->entry);
}

static void
read_count (Ask               *ask,
            ComptoirCashCount *count)
{
  for (guint i = 0; i < COMPTOIR_N_DENOMINATIONS; i++)
    count->count[i] = (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (ask->spins[i]));
}

static void
update_count_total (Ask *ask)
{
  ComptoirCashCount count = { 0 };
  g_autofree char *total = NULL;
  g_autofree char *text = NULL;

  read_count (ask, &count);
  total = comptoir_money_format_local (comptoir_cash_count_total (&count));
  text = g_strdup_printf (_("Total counted: %s €"), total);
  gtk_label_set_text (GTK_LABEL (ask->total_label), text);
}

static void
on_count_response (AdwMessageDialog *dialog,
                   const char       *response,
                   Ask              *ask)
{
  ComptoirCashCount count = { 0 };

  if (!g_str_equal (response, "confirm"))
    return;
  read_count (ask, &count);
  ((ComptoirCashCountFunc) ask->callback) (ask->user_data, &count);
}

static char *
denomination_label (gint64 cents)
{
  if (cents >= 100)
    return g_strdup_printf (_("%lld €"), (long long) (cents / 100));
  /* TRANSLATORS: a coin of some euro cents, e.g. "20 c" */
  return g_strdup_printf (_("%lld c"), (long long) cents);
}

void
comptoir_till_ask_cash_count (GtkWidget             *parent,
                              const char            *heading,
                              const char            *body,
                              const char            *confirm_label,
                              ComptoirCashCountFunc  callback,
                              gpointer               user_data)
{
  AdwMessageDialog *dialog = message_dialog_new (parent, heading, body, confirm_label);
  Ask *ask = ask_new (G_CALLBACK (callback), user_data);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);

  /* Notes on the left, coins on the right, largest first, as a drawer
   * is laid out and counted. */
  for (guint i = 0; i < COMPTOIR_N_DENOMINATIONS; i++)
    {
      guint d = COMPTOIR_N_DENOMINATIONS - 1 - i;
      gint64 cents = comptoir_denominations[d];
      gboolean note = cents >= 500;
      guint row = note ? i : i - 7;
      guint column = note ? 0 : 2;
      g_autofree char *text = denomination_label (cents);
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *spin = gtk_spin_button_new_with_range (0, 9999, 1);

      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
      g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (update_count_total), ask);
      gtk_grid_attach (GTK_GRID (grid), label, column, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), spin, column + 1, row, 1, 1);
      ask->spins[d] = spin;
    }

  ask->total_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (ask->total_label, "title-4");
  gtk_box_append (GTK_BOX (box), grid);
  gtk_box_append (GTK_BOX (box), ask->total_label);
  update_count_total (ask);

  adw_message_dialog_set_extra_child (dialog, box);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_count_response), ask,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (ask->spins[COMPTOIR_N_DENOMINATIONS - 1]);
}

static gboolean
form_complete (Ask    *ask,
               char  **values)
{
  gboolean complete = TRUE;

  for (guint i = 0; i < ask->n_fields; i++)
    {
      char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (ask->fields[i]))));

      complete = complete && *text != '\0';
      if (values != NULL)
        values[i] = text;
      else
        g_free (text);
    }
  return complete;
}

static void
on_form_changed (Ask *ask)
{
  GtkWidget *dialog = gtk_widget_get_ancestor (ask->fields[0], ADW_TYPE_MESSAGE_DIALOG);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "confirm", form_complete (ask, NULL));
}

static void
on_form_response (AdwMessageDialog *dialog,
                  const char       *response,
                  Ask              *ask)
{
  char *values[MAX_FIELDS + 1] = { NULL };

  if (g_str_equal (response, "confirm") && form_complete (ask, values))
    ((ComptoirFormFunc) ask->callback) (ask->user_data, (const char * const *) values);
  for (guint i = 0; i < ask->n_fields; i++)
    g_free (values[i]);
}

/* Enter moves to the next field, and on the last one confirms. */
static void
on_form_activate (GtkWidget *field,
                  Ask       *ask)
{
  GtkWidget *dialog = gtk_widget_get_ancestor (field, ADW_TYPE_MESSAGE_DIALOG);

  for (guint i = 0; i + 1 < ask->n_fields; i++)
    if (ask->fields[i] == field)
      {
        gtk_widget_grab_focus (ask->fields[i + 1]);
        return;
      }
  if (form_complete (ask, NULL))
    confirm (ADW_MESSAGE_DIALOG (dialog));
  else
    gtk_widget_error_bell (field);
}

void
comptoir_till_ask_form (GtkWidget               *parent,
                        const char              *heading,
                        const char              *body,
                        const char              *confirm_label,
                        const ComptoirFormField *fields,
                        guint                    n_fields,
                        ComptoirFormFunc         callback,
                        gpointer                 user_data)
{
  AdwMessageDialog *dialog = message_dialog_new (parent, heading, body, confirm_label);
  Ask *ask = ask_new (G_CALLBACK (callback), user_data);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  g_return_if_fail (n_fields > 0 && n_fields <= MAX_FIELDS);

  ask->n_fields = n_fields;
  for (guint i = 0; i < n_fields; i++)
    {
      GtkWidget *field = fields[i].secret ? gtk_password_entry_new () : gtk_entry_new ();

      g_object_set (field, "placeholder-text", _(fields[i].label), NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_LABEL, _(fields[i].label), -1);
      gtk_widget_add_css_class (field, "till-dialog-entry");
      g_signal_connect_swapped (field, "changed", G_CALLBACK (on_form_changed), ask);
      g_signal_connect (field, "activate", G_CALLBACK (on_form_activate), ask);
      gtk_box_append (GTK_BOX (box), field);
      ask->fields[i] = field;
    }
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_set_response_enabled (dialog, "confirm", FALSE);
  g_signal_connect (dialog, "close-request", G_CALLBACK (unfocus), NULL);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_form_response), ask,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (ask->fields[0]);
}

void
comptoir_till_show_report (GtkWidget  *parent,
                           const char *heading,
                           const char *report)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  AdwMessageDialog *dialog =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, NULL));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *label = gtk_label_new (report);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "monospace");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 420);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  adw_message_dialog_set_extra_child (dialog, scroller);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
