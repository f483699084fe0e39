/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-members-page"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-member-editor.h"
#include "comptoir-members-page-private.h"
#include "comptoir-toast.h"

G_DEFINE_FINAL_TYPE (ComptoirMembersPage, comptoir_members_page, GTK_TYPE_WIDGET)

/* Enough to pick from by eye; a longer list means the search needs
 * another word. */
#define MAX_HITS 50

void
_comptoir_members_page_show_message (ComptoirMembersPage *self,
                                     const char          *message)
{
  comptoir_toast_show (GTK_WIDGET (self), &self->toast, message);
}

static GtkWidget *
hit_row_new (const ComptoirMemberHit *hit)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *number = g_strdup_printf ("%lld", (long long) hit->number);
  GtkWidget *number_label = gtk_label_new (number);
  GtkWidget *name_label = gtk_label_new (hit->name);
  g_autofree char *accessible = NULL;

  gtk_label_set_xalign (GTK_LABEL (number_label), 1);
  gtk_label_set_width_chars (GTK_LABEL (number_label), 5);
  gtk_widget_add_css_class (number_label, "numeric");
  gtk_widget_add_css_class (number_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name_label, TRUE);
  gtk_box_append (GTK_BOX (box), number_label);
  gtk_box_append (GTK_BOX (box), name_label);
  if (hit->left)
    {
      GtkWidget *left = gtk_label_new (_("left"));

      gtk_widget_add_css_class (left, "caption");
      gtk_box_append (GTK_BOX (box), left);
      gtk_widget_add_css_class (row, "member-left");
      /* Translators: a member in the search results, for screen readers: number, name */
      accessible = g_strdup_printf (_("%lld, %s, left the cooperative"), (long long) hit->number, hit->name);
    }
  else
    /* Translators: a member in the search results, for screen readers: number, name */
    accessible = g_strdup_printf (_("%lld, %s"), (long long) hit->number, hit->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "member-id", g_strdup (hit->id), g_free);
  g_object_set_data (G_OBJECT (row), "member-number", GINT_TO_POINTER ((gint) MIN (hit->number, G_MAXINT)));
  return row;
}

/* The member shown stays selected when the list has them, without
 * loading them again. */
static void
select_shown (ComptoirMembersPage *self)
{
  GtkListBoxRow *row;

  self->filling = TRUE;
  gtk_list_box_unselect_all (self->results);
  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->results, (int) i)) != NULL; i++)
    if (self->member_id[0] != '\0' &&
        g_strcmp0 (g_object_get_data (G_OBJECT (row), "member-id"), self->member_id) == 0)
      {
        gtk_list_box_select_row (self->results, row);
        break;
      }
  self->filling = FALSE;
}

/* Returns the number of hits. */
static guint
fill_results (ComptoirMembersPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) hits = NULL;
  GtkWidget *child;
  gboolean ok;
  guint n;

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, child);
  self->filling = FALSE;

  /* An empty text lists the first members by number. */
  ok = comptoir_member_search (self->db, text, MAX_HITS, &hits, &error);
  if (!ok)
    {
      _comptoir_members_page_show_message (self, error->message);
      gtk_stack_set_visible_child_name (self->results_stack, "none");
      return 0;
    }
  for (guint i = 0; i < hits->len; i++)
    gtk_list_box_append (self->results, hit_row_new (&g_array_index (hits, ComptoirMemberHit, i)));
  n = hits->len;
  if (n == 0)
    {
      g_autofree char *description = NULL;

      if (*text != '\0')
        description = g_strdup_printf (_("Nobody matches “%s”. Try the member number, or fewer letters of the name."),
                                       text);
      else
        description = g_strdup (_("There are no members yet."));
      adw_status_page_set_description (self->no_results, description);
    }
  gtk_stack_set_visible_child_name (self->results_stack, n > 0 ? "list" : "none");
  select_shown (self);
  return n;
}

/* A message about the member who was shown goes away soon once another
 * is: by its timeout, never dismissed early (see above). */
static void
fade_message (ComptoirMembersPage *self)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (self->toast == NULL || overlay == NULL)
    return;
  adw_toast_set_timeout (self->toast, 1);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_object_ref (self->toast));
}

static void
show_member (ComptoirMembersPage *self,
             const char          *member_id)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (self->record.id, member_id != NULL ? member_id : "") != 0)
    fade_message (self);

  g_strlcpy (self->member_id, member_id != NULL ? member_id : "", sizeof self->member_id);
  if (self->member_id[0] == '\0')
    {
      _comptoir_members_page_clear_detail (self);
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      _comptoir_members_page_update_actions (self);
      return;
    }
  if (!_comptoir_members_page_load_detail (self, &error))
    {
      self->member_id[0] = '\0';
      _comptoir_members_page_clear_detail (self);
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      _comptoir_members_page_show_message (self, error->message);
    }
  else
    gtk_stack_set_visible_child_name (self->detail_stack, "detail");
  _comptoir_members_page_update_actions (self);
}

void
_comptoir_members_page_reload (ComptoirMembersPage *self,
                               const char          *member_id)
{
  char id[COMPTOIR_ID_LEN + 1];

  g_strlcpy (id, member_id != NULL ? member_id : self->member_id, sizeof id);
  self->member_id[0] = '\0';
  show_member (self, id);
  fill_results (self);
}

/* A search that no longer lists the member shown leaves them shown:
 * the search is for finding the next one. */
static void
on_row_selected (ComptoirMembersPage *self,
                 GtkListBoxRow       *row)
{
  const char *id;

  if (self->filling || row == NULL)
    return;
  id = g_object_get_data (G_OBJECT (row), "member-id");
  if (g_strcmp0 (id, self->member_id) == 0)
    return;
  show_member (self, id);
}

static void
on_search_changed (ComptoirMembersPage *self)
{
  if (self->db != NULL)
    fill_results (self);
}

static void
on_stop_search (ComptoirMembersPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* The row Enter picks: the only hit, or the member whose number was
 * typed in full (a number also matches the start of card barcodes). */
static GtkListBoxRow *
row_to_pick (ComptoirMembersPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results, 0);
  GtkListBoxRow *row;
  guint64 number = 0;

  if (first == NULL)
    return NULL;
  if (gtk_list_box_get_row_at_index (self->results, 1) == NULL)
    return first;
  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT, &number, NULL))
    return NULL;
  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->results, (int) i)) != NULL; i++)
    if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "member-number")) == (gint) number)
      return row;
  return NULL;
}

/* A scanner types the card's digits and Enter: the member is shown at
 * once, and the text stays selected so that the next card replaces it. */
static void
on_search_activate (ComptoirMembersPage *self)
{
  GtkListBoxRow *row;

  /* The search runs after a short delay; Enter does not wait for it. */
  if (self->db == NULL)
    return;
  fill_results (self);
  row = row_to_pick (self);
  if (row == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self->search_entry));
      return;
    }
  gtk_list_box_select_row (self->results, row);
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/* Down goes from the search to the list and shows the member there:
 * the arrows then move from member to member. */
static gboolean
on_search_key_pressed (ComptoirMembersPage *self,
                       guint                keyval,
                       guint                keycode,
                       GdkModifierType      state)
{
  GtkListBoxRow *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;
  row = gtk_list_box_get_selected_row (self->results);
  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->results, 0);
  if (row == NULL)
    return GDK_EVENT_PROPAGATE;
  gtk_list_box_select_row (self->results, row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  return GDK_EVENT_STOP;
}

/* New member ------------------------------------------------------------ */

static void
on_member_created (ComptoirMemberEditor *editor,
                   ComptoirMembersPage  *self)
{
  const char *id = comptoir_member_editor_get_member_id (editor);
  g_auto (ComptoirMemberRecord) record = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autofree char *number = NULL;

  if (!comptoir_member_record_load (self->db, id, &record, &error))
    {
      _comptoir_members_page_show_message (self, error->message);
      return;
    }
  /* The list holds the first members by number, and a newcomer comes
   * last: their number is searched for, as if typed, so that the list
   * has them selected and the next search starts from there. */
  number = g_strdup_printf ("%lld", (long long) record.number);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), number);
  show_member (self, id);
  fill_results (self);
  name = comptoir_member_record_get_display_name (&record);
  /* Translators: said once a member is created: their name and number */
  message = g_strdup_printf (_("%s joined the cooperative as no. %lld"), name, (long long) record.number);
  _comptoir_members_page_show_message (self, message);
}

void
comptoir_members_page_new_member (ComptoirMembersPage *self)
{
  GtkRoot *root;
  ComptoirMemberEditor *editor;

  g_return_if_fail (COMPTOIR_IS_MEMBERS_PAGE (self));
  g_return_if_fail (self->db != NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  editor = comptoir_member_editor_new_member (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->db);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_member_created), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  comptoir_members_page_new_member (COMPTOIR_MEMBERS_PAGE (widget));
}

static void
comptoir_members_page_dispose (GObject *object)
{
  ComptoirMembersPage *self = COMPTOIR_MEMBERS_PAGE (object);

  /* The rows made for the member go while their groups are there. */
  _comptoir_members_page_clear_detail (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), COMPTOIR_TYPE_MEMBERS_PAGE);
  g_clear_pointer (&self->household_rows, g_ptr_array_unref);
  g_clear_pointer (&self->counter_rows, g_ptr_array_unref);
  g_clear_pointer (&self->shifts_rows, g_ptr_array_unref);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);
  g_clear_object (&self->db);
  g_clear_object (&self->import_file);
  g_clear_weak_pointer (&self->toast);

  G_OBJECT_CLASS (comptoir_members_page_parent_class)->dispose (object);
}

static void
comptoir_members_page_class_init (ComptoirMembersPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = comptoir_members_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/comptoir/Comptoir/ui/comptoir-members-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ComptoirMembersPage, box);
  gtk_widget_class_bind_template_child (widget_class, ComptoirMembersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ComptoirMembersPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, ComptoirMembersPage, results);
  gtk_widget_class_bind_template_child (widget_class, ComptoirMembersPage, no_results);
  gtk_widget_class_bind_template_child (widget_class, ComptoirMembersPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, ComptoirMembersPage, detail_page);
  gtk_widget_class_bind_template_child (widget_class, ComptoirMembersPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, ComptoirMembersPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, ComptoirMembersPage, number_label);
  gtk_widget_class_bind_template_child (widget_class, ComptoirMembersPage, badge);
  gtk_widget_class_bind_template_child (widget_class, ComptoirMembersPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, ComptoirMembersPage, identity_group);
  gtk_widget_class_bind_template_child (widget_class, ComptoirMembersPage, household_group);
  gtk_widget_class_bind_template_child (widget_class, ComptoirMembersPage, shares_group);
  gtk_widget_class_bind_template_child (widget_class, ComptoirMembersPage, counter_group);
  gtk_widget_class_bind_template_child (widget_class, ComptoirMembersPage, shifts_group);
  gtk_widget_class_bind_template_child (widget_class, ComptoirMembersPage, history_group);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);

  _comptoir_members_page_class_add_actions (widget_class);
  _comptoir_members_page_class_add_shares_actions (widget_class);
  _comptoir_members_page_class_add_import_action (widget_class);
  gtk_widget_class_install_action (widget_class, "members.new", NULL, new_member_action);
}

static void
comptoir_members_page_init (ComptoirMembersPage *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->household_rows = g_ptr_array_new ();
  self->counter_rows = g_ptr_array_new ();
  self->shifts_rows = g_ptr_array_new ();
  self->history_rows = g_ptr_array_new ();
  _comptoir_members_page_init_detail (self);

  /* Before the entry's text, which moves its cursor on Down. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_search_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  /* Typing in the list, or a card scanned while it has the focus, goes
   * to the search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->results));
  _comptoir_members_page_update_actions (self);
  /* Nothing to add members to until the shop's database is given. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.new", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.import", FALSE);
}

/* What other machines changed comes in through replication: read the
 * list and the member again whenever the section is shown. */
static gboolean
focus_search_later (gpointer data)
{
  ComptoirMembersPage *self = data;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return G_SOURCE_REMOVE;
}

static void
on_map (ComptoirMembersPage *self)
{
  _comptoir_members_page_reload (self, NULL);
  /* Whoever opens the section is about to type a name or scan a card;
   * the sidebar row clicked takes the focus after the page is shown,
   * so it is taken back once that click is over. */
  g_idle_add_full (G_PRIORITY_LOW, focus_search_later, g_object_ref (self), g_object_unref);
}

void
comptoir_members_page_set_db (ComptoirMembersPage *self,
                              ComptoirDb          *db)
{
  g_return_if_fail (COMPTOIR_IS_MEMBERS_PAGE (self));
  g_return_if_fail (COMPTOIR_IS_DB (db));
  g_return_if_fail (self->db == NULL);

  self->db = g_object_ref (db);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.new", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.import", TRUE);
  /* The list is read when the section is shown, not while the till
   * starts. */
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    on_map (self);
}

void
comptoir_members_page_focus_search (ComptoirMembersPage *self)
{
  g_return_if_fail (COMPTOIR_IS_MEMBERS_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

gboolean
comptoir_members_page_show_member (ComptoirMembersPage *self,
                                   const char          *member_id)
{
  g_return_val_if_fail (COMPTOIR_IS_MEMBERS_PAGE (self), FALSE);
  g_return_val_if_fail (member_id != NULL, FALSE);

  show_member (self, member_id);
  select_shown (self);
  return self->member_id[0] != '\0';
}

const char *
comptoir_members_page_get_member (ComptoirMembersPage *self)
{
  g_return_val_if_fail (COMPTOIR_IS_MEMBERS_PAGE (self), NULL);

  return self->member_id[0] != '\0' ? self->member_id : NULL;
}
