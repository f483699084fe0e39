/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-settings-page"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-settings-page-private.h"

/* The scale label rules of the Settings section: the list, each rule in
 * words with buttons to move and remove it, and the dialog that adds one. */

/* Digits as a person counts them on the label, from 1. */
static char *
describe_digits (guint start,
                 guint len)
{
  if (len == 1)
    return g_strdup_printf (_("digit %u"), start + 1);
  return g_strdup_printf (_("digits %u–%u"), start + 1, start + len);
}

static char *
describe_rule (const ComptoirScaleRule *rule)
{
  g_autofree char *item = describe_digits (rule->item_start, rule->item_len);
  g_autofree char *value = describe_digits (rule->value_start, rule->value_len);
  g_autofree char *value_text = NULL;
  g_autofree char *text = NULL;

  if (rule->kind == COMPTOIR_SCALE_WEIGHT)
    value_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "weight in kg, %u decimal, %s",
                                               "weight in kg, %u decimals, %s", rule->decimals),
                                  rule->decimals, value);
  else
    value_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "price in €, %u decimal, %s",
                                               "price in €, %u decimals, %s", rule->decimals),
                                  rule->decimals, value);
  /* TRANSLATORS: e.g. "item code digits 3–7 · weight in kg, 3 decimals, digits 8–12" */
  text = g_strdup_printf (_("item code %s · %s"), item, value_text);
  if (!rule->has_price_check_digit)
    return g_steal_pointer (&text);
  return g_strdup_printf (_("%s · price check digit %u"), text, rule->price_check_position + 1);
}

/* The rules in a new order, or NULL with the core's reason when that
 * order would leave a rule unused. */
static ComptoirScaleRules *
reorder_rules (ComptoirScaleRules  *rules,
               guint                from,
               guint                to,
               GError             **error)
{
  g_autoptr (ComptoirScaleRules) moved = comptoir_scale_rules_new ();
  guint n = comptoir_scale_rules_get_n_rules (rules);

  for (guint i = 0; i < n; i++)
    {
      guint index = i == from ? to : i == to ? from : i;

      if (!comptoir_scale_rules_append (moved, comptoir_scale_rules_get_rule (rules, index), error))
        return NULL;
    }
  return g_steal_pointer (&moved);
}

static gboolean
save_rules (ComptoirSettingsPage *self,
            ComptoirScaleRules   *rules)
{
  g_autofree char *json = comptoir_scale_rules_to_json (rules);
  g_autoptr (GError) error = NULL;
  gboolean saved = comptoir_settings_set (self->db, COMPTOIR_SETTING_SCALE_RULES, json, &error);

  _comptoir_settings_page_load_rules (self);
  if (!saved)
    _comptoir_settings_page_show_message (self, error->message, NULL);
  return saved;
}

void
_comptoir_settings_page_undo_rules (ComptoirSettingsPage *self,
                                    const char           *rules)
{
  g_autoptr (GError) error = NULL;

  if (!comptoir_settings_set (self->db, COMPTOIR_SETTING_SCALE_RULES, rules, &error))
    _comptoir_settings_page_show_message (self, error->message, NULL);
  _comptoir_settings_page_load_rules (self);
}

/* Saves rules and offers to put back the ones they replace. */
static void
save_rules_with_undo (ComptoirSettingsPage *self,
                      ComptoirScaleRules   *rules,
                      const char           *message)
{
  g_autofree char *before = comptoir_settings_dup (self->db, COMPTOIR_SETTING_SCALE_RULES);

  if (save_rules (self, rules))
    _comptoir_settings_page_show_message (self, message, before);
}

static void
on_move_rule (GtkButton            *button,
              ComptoirSettingsPage *self)
{
  guint from = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "rule-index"));
  guint to = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "rule-to"));
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirScaleRules) rules = comptoir_settings_load_scale_rules (self->db, &error);
  g_autoptr (ComptoirScaleRules) moved = NULL;

  if (rules != NULL && MAX (from, to) < comptoir_scale_rules_get_n_rules (rules))
    moved = reorder_rules (rules, from, to, &error);
  if (moved == NULL)
    {
      _comptoir_settings_page_show_message (self, error != NULL ? error->message
                                                             : _("The rules changed meanwhile: try again."), NULL);
      _comptoir_settings_page_load_rules (self);
      return;
    }
  save_rules (self, moved);
}

static void
on_remove_rule (GtkButton            *button,
                ComptoirSettingsPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "rule-index"));
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirScaleRules) rules = comptoir_settings_load_scale_rules (self->db, &error);
  g_autofree char *message = NULL;

  if (rules == NULL || index >= comptoir_scale_rules_get_n_rules (rules))
    {
      _comptoir_settings_page_show_message (self, error != NULL ? error->message
                                                             : _("The rules changed meanwhile: try again."), NULL);
      _comptoir_settings_page_load_rules (self);
      return;
    }
  message = g_strdup_printf (_("Rule for %s removed"), comptoir_scale_rules_get_rule (rules, index)->prefix);
  comptoir_scale_rules_remove (rules, index);
  save_rules_with_undo (self, rules, message);
}

void
_comptoir_settings_page_on_restore_rules (ComptoirSettingsPage *self)
{
  g_autoptr (ComptoirScaleRules) rules = comptoir_scale_rules_new_default ();

  save_rules_with_undo (self, rules, _("Default scale rules restored"));
}

static GtkWidget *
rule_button (ComptoirSettingsPage *self,
             const char           *icon_name,
             const char           *tooltip,
             const char           *label,
             guint                 index,
             GCallback             callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (button), "rule-index", GUINT_TO_POINTER (index));
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

/* A move the core would refuse (a longer prefix behind a shorter one that
 * reads its codes) is not offered; the tooltip says why. */
static GtkWidget *
move_button (ComptoirSettingsPage *self,
             ComptoirScaleRules   *rules,
             guint                 index,
             gboolean              up)
{
  const char *prefix = comptoir_scale_rules_get_rule (rules, index)->prefix;
  guint n = comptoir_scale_rules_get_n_rules (rules);
  gboolean possible = up ? index > 0 : index + 1 < n;
  guint to = up ? index - 1 : index + 1;
  g_autofree char *label = g_strdup_printf (up ? _("Move the rule for %s up") : _("Move the rule for %s down"),
                                            prefix);
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirScaleRules) moved = NULL;
  GtkWidget *button = rule_button (self, up ? "go-up-symbolic" : "go-down-symbolic",
                                   up ? _("Move Up") : _("Move Down"), label, index, G_CALLBACK (on_move_rule));

  g_object_set_data (G_OBJECT (button), "rule-to", GUINT_TO_POINTER (to));
  if (possible && (moved = reorder_rules (rules, index, to, &error)) == NULL)
    gtk_widget_set_tooltip_text (button, error->message);
  gtk_widget_set_sensitive (button, moved != NULL);
  return button;
}

static void
add_rule_row (ComptoirSettingsPage *self,
              GtkWidget            *row)
{
  adw_preferences_group_add (self->scale_group, row);
  g_ptr_array_add (self->rule_rows, row);
}

void
_comptoir_settings_page_load_rules (ComptoirSettingsPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirScaleRules) rules = comptoir_settings_load_scale_rules (self->db, &error);
  guint n = rules != NULL ? comptoir_scale_rules_get_n_rules (rules) : 0;

  for (guint i = 0; i < self->rule_rows->len; i++)
    adw_preferences_group_remove (self->scale_group, g_ptr_array_index (self->rule_rows, i));
  g_ptr_array_set_size (self->rule_rows, 0);

  if (rules == NULL || n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rules == NULL ? _("The scale rules cannot be read")
                                                                              : _("No scale rules"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   rules == NULL ? error->message
                                                 : _("Codes printed by scales are read as ordinary barcodes."));
      add_rule_row (self, row);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      const ComptoirScaleRule *rule = comptoir_scale_rules_get_rule (rules, i);
      g_autofree char *title = g_strdup_printf (_("Codes starting with %s"), rule->prefix);
      g_autofree char *subtitle = describe_rule (rule);
      g_autofree char *remove_label = g_strdup_printf (_("Remove the rule for %s"), rule->prefix);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), move_button (self, rules, i, TRUE));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), move_button (self, rules, i, FALSE));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 rule_button (self, "user-trash-symbolic", _("Remove Rule"), remove_label, i,
                                              G_CALLBACK (on_remove_rule)));
      add_rule_row (self, row);
    }
}

/* The dialog that adds a rule. It checks the rule as it is typed, with the
 * very check that saving makes, and only then offers to add it. */

typedef struct {
  ComptoirSettingsPage *self;
  AdwMessageDialog     *dialog;
  AdwEntryRow          *prefix_row;
  AdwComboRow          *kind_row;
  GtkSpinButton        *decimals;
  AdwActionRow         *item_row;
  GtkSpinButton        *item_start;
  GtkSpinButton        *item_len;
  AdwActionRow         *value_row;
  GtkSpinButton        *value_start;
  GtkSpinButton        *value_len;
  AdwExpanderRow       *check_row;
  GtkSpinButton        *check_position;
  GtkLabel             *error_label;
  char                 *prefix;
  gboolean              closed;  /* the widgets are being torn down */
} RuleForm;

static void
rule_form_free (gpointer data)
{
  RuleForm *form = data;

  g_object_unref (form->self);
  g_free (form->prefix);
  g_free (form);
}

static guint
spin_digit (GtkSpinButton *spin)
{
  /* The person counts from 1, the rule from 0. */
  return (guint) gtk_spin_button_get_value_as_int (spin) - 1;
}

static void
read_form (RuleForm          *form,
           ComptoirScaleRule *rule)
{
  g_free (form->prefix);
  form->prefix = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->prefix_row))));
  *rule = (ComptoirScaleRule) {
    .prefix = form->prefix,
    .kind = adw_combo_row_get_selected (form->kind_row) == 1 ? COMPTOIR_SCALE_PRICE : COMPTOIR_SCALE_WEIGHT,
    .decimals = (guint) gtk_spin_button_get_value_as_int (form->decimals),
    .item_start = spin_digit (form->item_start),
    .item_len = (guint) gtk_spin_button_get_value_as_int (form->item_len),
    .value_start = spin_digit (form->value_start),
    .value_len = (guint) gtk_spin_button_get_value_as_int (form->value_len),
    .has_price_check_digit = adw_expander_row_get_enable_expansion (form->check_row),
    .price_check_position = spin_digit (form->check_position),
  };
}

/* The stored rules with the form's rule added, or NULL and why not. */
static ComptoirScaleRules *
rules_with_form (RuleForm  *form,
                 GError   **error)
{
  g_autoptr (ComptoirScaleRules) rules = comptoir_settings_load_scale_rules (form->self->db, error);
  ComptoirScaleRule rule;

  read_form (form, &rule);
  if (rules == NULL || !comptoir_scale_rules_append (rules, &rule, error))
    return NULL;
  return g_steal_pointer (&rules);
}

static void
on_form_changed (RuleForm *form)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirScaleRules) rules = NULL;
  g_autofree char *item = NULL;
  g_autofree char *value = NULL;
  gboolean show;

  if (form->closed)
    return;
  rules = rules_with_form (form, &error);
  adw_message_dialog_set_response_enabled (form->dialog, "add", rules != NULL);

  item = describe_digits (spin_digit (form->item_start), gtk_spin_button_get_value_as_int (form->item_len));
  value = describe_digits (spin_digit (form->value_start), gtk_spin_button_get_value_as_int (form->value_len));
  adw_action_row_set_subtitle (form->item_row, item);
  adw_action_row_set_subtitle (form->value_row, value);

  /* An empty prefix is where everyone starts, not a mistake to point out. */
  show = rules == NULL && *form->prefix != '\0';
  gtk_label_set_label (form->error_label, show ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (form->error_label), show);
}

/* Weights are usually printed in grams, prices in cents. */
static void
on_kind_changed (RuleForm *form)
{
  if (form->closed)
    return;
  gtk_spin_button_set_value (form->decimals, adw_combo_row_get_selected (form->kind_row) == 1 ? 2 : 3);
  on_form_changed (form);
}

static void
on_form_unmap (RuleForm *form)
{
  form->closed = TRUE;
}

static void
on_rule_response (AdwMessageDialog *dialog,
                  const char       *response,
                  RuleForm         *form)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirScaleRules) rules = NULL;

  if (g_strcmp0 (response, "add") != 0)
    return;
  /* Checked again: another till may have changed the rules meanwhile. */
  if ((rules = rules_with_form (form, &error)) == NULL)
    {
      _comptoir_settings_page_show_message (form->self, error->message, NULL);
      return;
    }
  save_rules (form->self, rules);
}

static GtkWidget *
form_spin (RuleForm   *form,
           int         lower,
           int         upper,
           int         value,
           const char *label)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (on_form_changed), form);
  return spin;
}

static GtkWidget *
form_caption (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* A row for a span of digits: where it starts and how long it is. */
static AdwActionRow *
form_span_row (RuleForm       *form,
               const char     *title,
               const char     *start_label,
               const char     *len_label,
               int             start,
               int             len,
               GtkSpinButton **start_spin,
               GtkSpinButton **len_spin)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  *start_spin = GTK_SPIN_BUTTON (form_spin (form, 1, 12, start, start_label));
  *len_spin = GTK_SPIN_BUTTON (form_spin (form, 1, 12, len, len_label));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), form_caption (_("from")));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (*start_spin));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), form_caption (_("length")));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (*len_spin));
  return ADW_ACTION_ROW (row);
}

static GtkWidget *
build_rule_form (RuleForm *form)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *decimals_row = adw_action_row_new ();
  GtkWidget *position_row = adw_action_row_new ();
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);

  form->prefix_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->prefix_row), _("Prefix: the first digits of the codes"));
  adw_entry_row_set_input_purpose (form->prefix_row, GTK_INPUT_PURPOSE_DIGITS);
  adw_entry_row_set_activates_default (form->prefix_row, TRUE);
  g_signal_connect_swapped (form->prefix_row, "changed", G_CALLBACK (on_form_changed), form);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (form->prefix_row));

  gtk_string_list_append (kinds, _("A weight in kg"));
  gtk_string_list_append (kinds, _("A price in €"));
  form->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->kind_row), _("The value is"));
  adw_combo_row_set_model (form->kind_row, G_LIST_MODEL (kinds));
  gtk_accessible_update_property (GTK_ACCESSIBLE (form->kind_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The value is a weight or a price"), -1);
  g_signal_connect_swapped (form->kind_row, "notify::selected", G_CALLBACK (on_kind_changed), form);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (form->kind_row));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (decimals_row), _("Decimals of the value"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (decimals_row), _("3 for a weight in grams, 2 for a price in cents"));
  form->decimals = GTK_SPIN_BUTTON (form_spin (form, 0, 3, 3, _("Decimals of the value")));
  adw_action_row_add_suffix (ADW_ACTION_ROW (decimals_row), GTK_WIDGET (form->decimals));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), decimals_row);

  form->item_row = form_span_row (form, _("Item code"), _("First digit of the item code"),
                                  _("Number of digits of the item code"), 3, 5, &form->item_start, &form->item_len);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (form->item_row));
  form->value_row = form_span_row (form, _("Value"), _("First digit of the value"),
                                   _("Number of digits of the value"), 8, 5, &form->value_start, &form->value_len);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (form->value_row));

  form->check_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->check_row), _("Price check digit"));
  adw_expander_row_set_subtitle (form->check_row, _("Printed by some scales before a value of 4 or 5 digits"));
  adw_expander_row_set_show_enable_switch (form->check_row, TRUE);
  adw_expander_row_set_enable_expansion (form->check_row, FALSE);
  g_signal_connect_swapped (form->check_row, "notify::enable-expansion", G_CALLBACK (on_form_changed), form);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (position_row), _("At digit"));
  form->check_position = GTK_SPIN_BUTTON (form_spin (form, 1, 12, 8, _("Position of the price check digit")));
  adw_action_row_add_suffix (ADW_ACTION_ROW (position_row), GTK_WIDGET (form->check_position));
  adw_expander_row_add_row (form->check_row, position_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (form->check_row));

  form->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (form->error_label, TRUE);
  /* Wrapped to the form's width rather than widening the dialog. */
  gtk_label_set_max_width_chars (form->error_label, 30);
  gtk_label_set_xalign (form->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (form->error_label), "error-banner");
  gtk_widget_set_visible (GTK_WIDGET (form->error_label), FALSE);

  gtk_box_append (GTK_BOX (box), group);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (form->error_label));
  return box;
}

GtkWidget *
comptoir_settings_page_add_rule (ComptoirSettingsPage *self)
{
  GtkRoot *root;
  RuleForm *form;
  GtkWidget *dialog;

  g_return_val_if_fail (COMPTOIR_IS_SETTINGS_PAGE (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  form = g_new0 (RuleForm, 1);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Add a Scale Rule"),
                                   _("Copy the layout of a label printed by the scales, counting digits "
                                     "from 1 on the left. The 13th digit is the barcode’s own check digit."));
  form->self = g_object_ref (self);
  form->dialog = ADW_MESSAGE_DIALOG (dialog);
  g_object_set_data_full (G_OBJECT (dialog), "rule-form", form, rule_form_free);
  adw_message_dialog_set_extra_child (form->dialog, build_rule_form (form));
  adw_message_dialog_add_responses (form->dialog, "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (form->dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (form->dialog, "add");
  adw_message_dialog_set_close_response (form->dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_rule_response), form);
  g_signal_connect_swapped (dialog, "unmap", G_CALLBACK (on_form_unmap), form);
  on_form_changed (form);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (form->prefix_row));
  return dialog;
}

void
_comptoir_settings_page_on_add_rule (ComptoirSettingsPage *self)
{
  comptoir_settings_page_add_rule (self);
}
