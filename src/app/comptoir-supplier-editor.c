/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-supplier-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-editor-discard.h"
#include "comptoir-supplier-editor.h"

struct _ComptoirSupplierEditor
{
  AdwWindow            parent_instance;

  AdwWindowTitle      *title;
  GtkButton           *save_button;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  AdwEntryRow         *name_row;
  AdwEntryRow         *contact_row;
  AdwEntryRow         *email_row;
  AdwEntryRow         *phone_row;
  AdwEntryRow         *address_row;
  GtkBox              *days_box;
  GtkSpinButton       *lead_spin;
  AdwEntryRow         *minimum_row;
  AdwEntryRow         *franco_row;
  GtkWidget           *active_row;
  GtkSwitch           *active_switch;
  GtkTextView         *notes_view;

  GtkToggleButton     *days[8];       /* by ISO weekday, 1 is Monday */
  ComptoirDb          *db;
  ComptoirSupplier     supplier;      /* as loaded: id NULL for a new one */
  gboolean             loading;
  gboolean             dirty;
};

G_DEFINE_FINAL_TYPE (ComptoirSupplierEditor, comptoir_supplier_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (ComptoirSupplierEditor *self,
            GtkWidget              *row,
            const char             *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "field-error");
      gtk_widget_grab_focus (row);
    }
}

static void
mark_dirty (ComptoirSupplierEditor *self)
{
  if (!self->loading)
    self->dirty = TRUE;
}

static void
on_field_changed (ComptoirSupplierEditor *self,
                  GtkWidget              *row)
{
  mark_dirty (self);
  gtk_widget_remove_css_class (row, "field-error");
}

static void
on_active_changed (ComptoirSupplierEditor *self)
{
  mark_dirty (self);
}

static char *
text_or_null (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static char *
notes_text (ComptoirSupplierEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* Euros as people type them ("150", "149,90 €"); empty is none. */
static gboolean
read_amount (ComptoirSupplierEditor *self,
             AdwEntryRow            *row,
             gint64                 *out_cents)
{
  g_autofree char *text = text_or_null (row);
  g_autofree char *message = NULL;

  *out_cents = 0;
  if (text == NULL || comptoir_money_parse (text, out_cents))
    return TRUE;
  message = g_strdup_printf (_("“%s” is not an amount: type euros and cents, such as 150 or 149,90, or leave it "
                               "empty for none."), text);
  show_error (self, GTK_WIDGET (row), message);
  return FALSE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ComptoirSupplierEditor *self = COMPTOIR_SUPPLIER_EDITOR (widget);
  g_auto (ComptoirSupplier) supplier = { 0 };
  g_autoptr (GError) error = NULL;

  comptoir_supplier_init (&supplier);
  if (!read_amount (self, self->minimum_row, &supplier.min_order_cents) ||
      !read_amount (self, self->franco_row, &supplier.franco_cents))
    return;
  supplier.id = g_strdup (self->supplier.id);
  supplier.name = text_or_null (self->name_row);
  supplier.contact = text_or_null (self->contact_row);
  supplier.email = text_or_null (self->email_row);
  supplier.phone = text_or_null (self->phone_row);
  supplier.address = text_or_null (self->address_row);
  supplier.notes = notes_text (self);
  gtk_spin_button_update (self->lead_spin);
  supplier.lead_days = gtk_spin_button_get_value_as_int (self->lead_spin);
  supplier.active = self->supplier.id == NULL || gtk_switch_get_active (self->active_switch);
  supplier.order_days = 0;
  for (guint d = 1; d <= 7; d++)
    if (gtk_toggle_button_get_active (self->days[d]))
      supplier.order_days |= COMPTOIR_WEEKDAY_BIT (d);

  /* The core says what it refuses (a blank or taken name, an e-mail
   * that cannot be one, amounts out of range): the form stays open to
   * put it right. */
  if (!comptoir_supplier_save (self->db, &supplier, &error))
    {
      GtkWidget *row = supplier.name == NULL ? GTK_WIDGET (self->name_row) : NULL;

      show_error (self, row, error->message);
      return;
    }
  g_free (self->supplier.id);
  self->supplier.id = g_strdup (supplier.id);
  self->dirty = FALSE;
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Enter in any field saves, as in the other editors. */
static void
on_entry_activated (ComptoirSupplierEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static void
discard_and_close (GtkWindow *window)
{
  ComptoirSupplierEditor *self = COMPTOIR_SUPPLIER_EDITOR (window);

  self->dirty = FALSE;
  gtk_window_close (window);
}

/* Closing with unsaved edits asks first, as the other editors do. */
static gboolean
comptoir_supplier_editor_close_request (GtkWindow *window)
{
  ComptoirSupplierEditor *self = COMPTOIR_SUPPLIER_EDITOR (window);

  if (!self->dirty)
    return GTK_WINDOW_CLASS (comptoir_supplier_editor_parent_class)->close_request (window);

  comptoir_editor_ask_discard (window, self->supplier.id == NULL ? _("This supplier is not added yet.")
                                                                 : _("The changes to this supplier are not saved."),
                               discard_and_close);
  return TRUE;
}

static void
comptoir_supplier_editor_dispose (GObject *object)
{
  ComptoirSupplierEditor *self = COMPTOIR_SUPPLIER_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COMPTOIR_TYPE_SUPPLIER_EDITOR);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (comptoir_supplier_editor_parent_class)->dispose (object);
}

static void
comptoir_supplier_editor_finalize (GObject *object)
{
  ComptoirSupplierEditor *self = COMPTOIR_SUPPLIER_EDITOR (object);

  comptoir_supplier_clear (&self->supplier);

  G_OBJECT_CLASS (comptoir_supplier_editor_parent_class)->finalize (object);
}

static void
comptoir_supplier_editor_class_init (ComptoirSupplierEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comptoir_supplier_editor_dispose;
  object_class->finalize = comptoir_supplier_editor_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = comptoir_supplier_editor_close_request;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/comptoir/Comptoir/ui/comptoir-supplier-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ComptoirSupplierEditor, title);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSupplierEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSupplierEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSupplierEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSupplierEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSupplierEditor, contact_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSupplierEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSupplierEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSupplierEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSupplierEditor, days_box);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSupplierEditor, lead_spin);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSupplierEditor, minimum_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSupplierEditor, franco_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSupplierEditor, active_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSupplierEditor, active_switch);
  gtk_widget_class_bind_template_child (widget_class, ComptoirSupplierEditor, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_active_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
comptoir_supplier_editor_init (ComptoirSupplierEditor *self)
{
  /* 1 January 2024 was a Monday: the days are named by the locale. */
  g_autoptr (GDateTime) monday = g_date_time_new_utc (2024, 1, 1, 12, 0, 0);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint d = 1; d <= 7; d++)
    {
      g_autoptr (GDateTime) day = g_date_time_add_days (monday, (int) d - 1);
      g_autofree char *short_name = g_date_time_format (day, "%a");
      g_autofree char *name = g_date_time_format (day, "%A");
      GtkWidget *toggle = gtk_toggle_button_new_with_label (short_name);

      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_set_tooltip_text (toggle, name);
      g_signal_connect_object (toggle, "toggled", G_CALLBACK (mark_dirty), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->days_box, toggle);
      self->days[d] = GTK_TOGGLE_BUTTON (toggle);
    }
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (mark_dirty), self, G_CONNECT_SWAPPED);
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
set_row_amount (AdwEntryRow *row,
                gint64       cents)
{
  g_autofree char *text = cents > 0 ? comptoir_money_format_local (cents) : NULL;

  set_row_text (row, text);
}

ComptoirSupplierEditor *
comptoir_supplier_editor_new (GtkWindow              *parent,
                              ComptoirDb             *db,
                              const ComptoirSupplier *supplier)
{
  ComptoirSupplierEditor *self;
  g_auto (ComptoirSupplier) fresh = { 0 };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);

  self = g_object_new (COMPTOIR_TYPE_SUPPLIER_EDITOR, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  if (supplier == NULL)
    {
      /* What the core starts a supplier with: active, 2 days' lead. */
      comptoir_supplier_init (&fresh);
      supplier = &fresh;
    }
  self->supplier.id = g_strdup (supplier->id);
  self->supplier.name = g_strdup (supplier->name);

  self->loading = TRUE;
  set_row_text (self->name_row, supplier->name);
  set_row_text (self->contact_row, supplier->contact);
  set_row_text (self->email_row, supplier->email);
  set_row_text (self->phone_row, supplier->phone);
  set_row_text (self->address_row, supplier->address);
  set_row_amount (self->minimum_row, supplier->min_order_cents);
  set_row_amount (self->franco_row, supplier->franco_cents);
  gtk_spin_button_set_value (self->lead_spin, supplier->lead_days);
  gtk_switch_set_active (self->active_switch, supplier->active);
  for (guint d = 1; d <= 7; d++)
    gtk_toggle_button_set_active (self->days[d], (supplier->order_days & COMPTOIR_WEEKDAY_BIT (d)) != 0);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            supplier->notes != NULL ? supplier->notes : "", -1);
  if (supplier->id == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Supplier"));
      adw_window_title_set_title (self->title, _("New Supplier"));
      gtk_button_set_label (self->save_button, _("_Add"));
      /* A new supplier is one the shop orders from. */
      gtk_widget_set_visible (self->active_row, FALSE);
      gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
    }
  else
    adw_window_title_set_title (self->title, supplier->name);
  self->loading = FALSE;
  self->dirty = FALSE;
  return self;
}

const char *
comptoir_supplier_editor_get_supplier_id (ComptoirSupplierEditor *self)
{
  g_return_val_if_fail (COMPTOIR_IS_SUPPLIER_EDITOR (self), NULL);

  return self->supplier.id;
}
