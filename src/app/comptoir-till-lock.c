/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-till-lock"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-till-lock.h"

struct _ComptoirTillLock
{
  GtkWidget      parent_instance;

  AdwStatusPage *status;
  GtkStack      *stack;
  GtkFlowBox    *names;
  GtkLabel      *pin_label;
  GtkWidget     *pin_entry;
  GtkWidget     *first_name_entry;
  GtkWidget     *first_pin_entry;
  GtkLabel      *error_label;

  ComptoirDb    *db;
  char          *till_id;
  ComptoirStaff *chosen;
};

G_DEFINE_FINAL_TYPE (ComptoirTillLock, comptoir_till_lock, GTK_TYPE_WIDGET)

enum {
  UNLOCKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (ComptoirTillLock *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
on_name_clicked (GtkButton        *button,
                 ComptoirTillLock *self)
{
  g_autofree char *prompt = NULL;

  g_set_object (&self->chosen, g_object_get_data (G_OBJECT (button), "staff"));
  prompt = g_strdup_printf (_("%s, type your PIN"), comptoir_staff_get_name (self->chosen));
  gtk_label_set_text (self->pin_label, prompt);
  gtk_editable_set_text (GTK_EDITABLE (self->pin_entry), "");
  show_error (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "pin");
  gtk_widget_grab_focus (self->pin_entry);
}

static void
on_pin_activate (ComptoirTillLock *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirStaff) staff = NULL;
  const char *pin = gtk_editable_get_text (GTK_EDITABLE (self->pin_entry));

  if (self->chosen == NULL)
    return;
  if (!comptoir_staff_log_in (self->db, self->till_id, comptoir_staff_get_id (self->chosen), pin, &error))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->pin_entry), "");
      show_error (self, error->message);
      return;
    }
  staff = g_steal_pointer (&self->chosen);
  gtk_editable_set_text (GTK_EDITABLE (self->pin_entry), "");
  show_error (self, NULL);
  g_signal_emit (self, signals[UNLOCKED], 0, staff);
}

static void
on_back_clicked (ComptoirTillLock *self)
{
  comptoir_till_lock_reset (self);
}

static void
on_create_first (ComptoirTillLock *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirStaff) staff = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->first_name_entry))));
  const char *pin = gtk_editable_get_text (GTK_EDITABLE (self->first_pin_entry));

  if (*name == '\0')
    {
      show_error (self, _("Type the manager’s name."));
      return;
    }
  staff = comptoir_staff_create (self->db, name, COMPTOIR_STAFF_ROLE_MANAGER, pin, &error);
  if (staff == NULL || !comptoir_staff_log_in (self->db, self->till_id, comptoir_staff_get_id (staff), pin, &error))
    {
      show_error (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->first_pin_entry), "");
  show_error (self, NULL);
  g_signal_emit (self, signals[UNLOCKED], 0, staff);
}

void
comptoir_till_lock_reset (ComptoirTillLock *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) staff = NULL;
  GtkWidget *child;

  g_clear_object (&self->chosen);
  show_error (self, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->names))) != NULL)
    gtk_flow_box_remove (self->names, child);

  if (self->db == NULL)
    return;
  staff = comptoir_staff_list_active (self->db, &error);
  if (staff == NULL)
    {
      show_error (self, error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr (ComptoirStaff) member = g_list_model_get_item (staff, i);
      GtkWidget *button = gtk_button_new_with_label (comptoir_staff_get_name (member));

      gtk_widget_add_css_class (button, "till-name");
      g_object_set_data_full (G_OBJECT (button), "staff", g_object_ref (member), g_object_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (on_name_clicked), self);
      gtk_flow_box_append (self->names, button);
    }

  if (g_list_model_get_n_items (staff) == 0)
    {
      adw_status_page_set_title (self->status, _("Welcome to Comptoir"));
      adw_status_page_set_description (self->status,
                                       _("Nobody can use the till yet. Create the first manager: "
                                         "they will add the cashiers."));
      gtk_stack_set_visible_child_name (self->stack, "first");
      gtk_widget_grab_focus (self->first_name_entry);
      return;
    }
  adw_status_page_set_title (self->status, _("Who Is at the Till?"));
  adw_status_page_set_description (self->status, _("Every sale and every correction is signed with your name."));
  gtk_stack_set_visible_child_name (self->stack, "names");
}

void
comptoir_till_lock_set_till (ComptoirTillLock *self,
                             ComptoirDb       *db,
                             const char       *till_id)
{
  g_set_object (&self->db, db);
  g_free (self->till_id);
  self->till_id = g_strdup (till_id);
  comptoir_till_lock_reset (self);
}

static GtkWidget *
pin_entry_new (const char *accessible_label)
{
  GtkWidget *entry = gtk_password_entry_new ();

  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  gtk_widget_add_css_class (entry, "till-pin");
  return entry;
}

static GtkWidget *
build_pin_page (ComptoirTillLock *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *back = gtk_button_new_with_mnemonic (_("_Not Me"));

  self->pin_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->pin_label), "title-3");
  self->pin_entry = pin_entry_new (_("PIN"));
  g_signal_connect_swapped (self->pin_entry, "activate", G_CALLBACK (on_pin_activate), self);
  gtk_widget_set_halign (back, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (back, "pill");
  g_signal_connect_swapped (back, "clicked", G_CALLBACK (on_back_clicked), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->pin_label));
  gtk_box_append (GTK_BOX (box), self->pin_entry);
  gtk_box_append (GTK_BOX (box), back);
  return box;
}

static GtkWidget *
build_first_page (ComptoirTillLock *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *create = gtk_button_new_with_mnemonic (_("_Create and Log In"));

  self->first_name_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->first_name_entry), _("Manager’s name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->first_name_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Manager’s name"), -1);
  self->first_pin_entry = pin_entry_new (_("PIN, 4 to 8 digits"));
  g_object_set (self->first_pin_entry, "placeholder-text", _("PIN, 4 to 8 digits"), NULL);
  g_signal_connect_swapped (self->first_pin_entry, "activate", G_CALLBACK (on_create_first), self);
  gtk_widget_add_css_class (create, "suggested-action");
  gtk_widget_add_css_class (create, "pill");
  gtk_widget_set_halign (create, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (create, "clicked", G_CALLBACK (on_create_first), self);
  gtk_box_append (GTK_BOX (box), self->first_name_entry);
  gtk_box_append (GTK_BOX (box), self->first_pin_entry);
  gtk_box_append (GTK_BOX (box), create);
  return box;
}

static void
comptoir_till_lock_dispose (GObject *object)
{
  ComptoirTillLock *self = COMPTOIR_TILL_LOCK (object);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *child;

  /* GTK 4.8's password entry must lose the focus before it goes (see
   * comptoir-till-dialogs.c). */
  if (root != NULL && gtk_root_get_focus (root) != NULL &&
      gtk_widget_is_ancestor (gtk_root_get_focus (root), GTK_WIDGET (self)))
    gtk_root_set_focus (root, NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->db);
  g_clear_object (&self->chosen);
  g_clear_pointer (&self->till_id, g_free);

  G_OBJECT_CLASS (comptoir_till_lock_parent_class)->dispose (object);
}

static void
comptoir_till_lock_class_init (ComptoirTillLockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comptoir_till_lock_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  signals[UNLOCKED] = g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, COMPTOIR_TYPE_STAFF);
}

static void
comptoir_till_lock_init (ComptoirTillLock *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *clamp = adw_clamp_new ();

  self->status = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->status, "system-lock-screen-symbolic");
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);

  self->names = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->names, GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (self->names, TRUE);
  gtk_flow_box_set_max_children_per_line (self->names, 4);
  gtk_widget_set_halign (GTK_WIDGET (self->names), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self->names), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->names), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Staff"), -1);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->names), "names");
  gtk_stack_add_named (self->stack, build_pin_page (self), "pin");
  gtk_stack_add_named (self->stack, build_first_page (self), "first");

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 560);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  adw_status_page_set_child (self->status, clamp);
  gtk_widget_set_parent (GTK_WIDGET (self->status), GTK_WIDGET (self));
}
