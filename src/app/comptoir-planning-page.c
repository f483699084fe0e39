/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-planning-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "comptoir-planning-page-private.h"
#include "comptoir-toast.h"

G_DEFINE_FINAL_TYPE (ComptoirPlanningPage, comptoir_planning_page, GTK_TYPE_WIDGET)

/* Members not checked in are marked absent once their slot is over (and
 * the grace period passed) while the app runs; a minute is close enough
 * to the grace period for everyone to see it happen. */
#define ABSENT_CHECK_SECONDS 60

void
_comptoir_planning_page_show_message (ComptoirPlanningPage *self,
                                      const char           *message)
{
  comptoir_toast_show (GTK_WIDGET (self), &self->toast, message);
}

char *
_comptoir_planning_format_day (ComptoirDay  day,
                               const char  *format)
{
  GDate date;
  char text[128];
  g_auto (GStrv) parts = NULL;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  if (g_date_strftime (text, sizeof text, format, &date) == 0)
    return g_strdup ("");
  /* %e pads single-digit days with a space: "Monday  1 January". */
  parts = g_strsplit (text, "  ", -1);
  return g_strjoinv (" ", parts);
}

char *
_comptoir_planning_describe_slot (const ComptoirShiftSlot *slot)
{
  /* Translators: a day in a slot's title, "Tuesday 24 November" (strftime) */
  g_autofree char *day = _comptoir_planning_format_day (slot->day, _("%A %e %B"));
  g_autofree char *start = comptoir_shift_format_minute (slot->start_minute);
  g_autofree char *end = comptoir_shift_format_minute (slot->end_minute);

  /* Translators: "Tuesday 24 November, 09:00–12:00 · Cashier" */
  return g_strdup_printf (_("%s, %s–%s · %s"), g_strstrip (day), start, end,
                          comptoir_shift_job_get_label (slot->job));
}

/* The week's slot cards ---------------------------------------------------- */

static void
on_slot_card_clicked (GtkButton            *button,
                      ComptoirPlanningPage *self)
{
  _comptoir_planning_open_slot (self, g_object_get_data (G_OBJECT (button), "slot-id"));
}

static GtkWidget *
small_label (const char *text,
             const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* "Marie D." keeps a card narrow while everyone in it is named. */
static char *
short_name (const char *name)
{
  const char *space = strrchr (name, ' ');

  if (space == NULL || space[1] == '\0')
    return g_strdup (name);
  return g_strdup_printf ("%.*s %.*s.", (int) (space - name), name,
                          (int) (g_utf8_next_char (space + 1) - (space + 1)), space + 1);
}

static GtkWidget *
slot_card_new (ComptoirPlanningPage    *self,
               const ComptoirShiftSlot *slot)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *level = gtk_level_bar_new_for_interval (0, slot->capacity);
  g_autofree char *start = comptoir_shift_format_minute (slot->start_minute);
  g_autofree char *end = comptoir_shift_format_minute (slot->end_minute);
  g_autofree char *times = g_strdup_printf ("%s–%s", start, end);
  g_autofree char *fill = NULL;
  g_autofree char *description = _comptoir_planning_describe_slot (slot);
  g_autofree char *job = NULL;

  if (slot->cancelled)
    {
      /* Said in words too, for the tooltip and screen readers. */
      g_autofree char *text = g_steal_pointer (&description);
      /* Translators: a cancelled slot's description, "Tuesday 24 November, 09:00–12:00 · Cashier (cancelled)" */
      description = g_strdup_printf (_("%s (cancelled)"), text);
    }

  if (slot->required_role != NULL)
    /* Translators: a job only trained members may take, "Cashier (trained)" */
    job = g_strdup_printf (_("%s (trained)"), comptoir_shift_job_get_label (slot->job));
  else
    job = g_strdup (comptoir_shift_job_get_label (slot->job));

  gtk_box_append (GTK_BOX (box), small_label (times, "heading"));
  gtk_widget_add_css_class (gtk_widget_get_last_child (box), "slot-times");
  gtk_box_append (GTK_BOX (box), small_label (job, "caption"));
  gtk_level_bar_set_mode (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_MODE_DISCRETE);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (level), MIN (slot->n_held, slot->capacity));
  /* Full is good news in a planning: no "high" warning colour. */
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_box_append (GTK_BOX (box), level);
  /* A cancelled slot has no seats to fill: an empty bar would read as
   * "nobody yet", the opposite of "nobody needed". */
  gtk_widget_set_visible (level, !slot->cancelled);

  if (slot->cancelled)
    fill = g_strdup (_("Cancelled"));
  else if (slot->n_pending > 0)
    /* Translators: seats held of the capacity, and claims waiting for the hub */
    fill = g_strdup_printf (_("%u of %u, %u pending"), slot->n_held, slot->capacity, slot->n_pending);
  else
    /* Translators: seats held of the capacity, "2 of 3" */
    fill = g_strdup_printf (_("%u of %u"), slot->n_held, slot->capacity);
  gtk_box_append (GTK_BOX (box), small_label (fill, slot->cancelled ? "slot-cancelled-label" : "caption"));

  for (guint i = 0; i < slot->seats->len; i++)
    {
      const ComptoirShiftSeat *seat = &g_array_index (slot->seats, ComptoirShiftSeat, i);
      g_autofree char *name = short_name (seat->name);
      g_autofree char *text = NULL;
      GtkWidget *label;

      /* Who came, at a glance once the shift is over. */
      if (seat->attendance == COMPTOIR_ATTENDANCE_PRESENT)
        text = g_strconcat ("✓ ", name, NULL);
      else if (seat->attendance == COMPTOIR_ATTENDANCE_ABSENT)
        text = g_strconcat ("✗ ", name, NULL);
      label = small_label (text != NULL ? text : name, "slot-member");
      if (seat->attendance == COMPTOIR_ATTENDANCE_ABSENT)
        gtk_widget_add_css_class (label, "slot-member-absent");
      else if (seat->state == COMPTOIR_SEAT_OFFERED)
        gtk_widget_add_css_class (label, "slot-member-offered");
      else if (seat->state == COMPTOIR_SEAT_PENDING)
        gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }

  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "slot-card");
  if (slot->cancelled)
    gtk_widget_add_css_class (button, "slot-cancelled");
  else if (slot->n_held >= slot->capacity)
    gtk_widget_add_css_class (button, "slot-full");
  else if (slot->n_held == 0)
    gtk_widget_add_css_class (button, "slot-empty");
  gtk_widget_set_tooltip_text (button, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  g_object_set_data_full (G_OBJECT (button), "slot-id", g_strdup (slot->id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_slot_card_clicked), self);
  return button;
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static GtkWidget *
day_header_new (ComptoirDay  day,
                const char  *closing_label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  /* Translators: a column of the week, "Tue 24/11" (strftime) */
  g_autofree char *text = _comptoir_planning_format_day (day, _("%a %d/%m"));
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  if (day == comptoir_day_today ())
    gtk_widget_add_css_class (box, "planning-today");
  if (closing_label != NULL)
    {
      GtkWidget *closed = gtk_label_new (closing_label);

      gtk_widget_add_css_class (closed, "error");
      gtk_widget_add_css_class (closed, "caption");
      gtk_label_set_ellipsize (GTK_LABEL (closed), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), closed);
    }
  return box;
}

static void
update_period_label (ComptoirPlanningPage *self)
{
  ComptoirStatusRules rules;
  g_autofree char *letter = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *text = NULL;
  GDate first, last;

  /* A week across two months names both, shortened so that the title
   * still fits beside the view switcher: "30 Nov – 6 Dec 2026", not
   * "30 – 6 December 2026". */
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_julian (&first, self->monday);
  g_date_set_julian (&last, self->monday + 6);
  if (g_date_get_month (&first) == g_date_get_month (&last))
    {
      /* Translators: first day of a week, "23" (strftime) */
      from = _comptoir_planning_format_day (self->monday, _("%e"));
      /* Translators: last day of a week, "29 November 2026" (strftime) */
      to = _comptoir_planning_format_day (self->monday + 6, _("%e %B %Y"));
    }
  else
    {
      if (g_date_get_year (&first) == g_date_get_year (&last))
        /* Translators: first day of a week ending in another month, "30 Nov" (strftime) */
        from = _comptoir_planning_format_day (self->monday, _("%e %b"));
      else
        /* Translators: first day of a week ending in another year, "29 Dec 2025" (strftime) */
        from = _comptoir_planning_format_day (self->monday, _("%e %b %Y"));
      /* Translators: last day of a week begun in another month, "6 Dec 2026" (strftime) */
      to = _comptoir_planning_format_day (self->monday + 6, _("%e %b %Y"));
    }

  if (!comptoir_settings_load_status_rules (self->db, &rules, NULL))
    comptoir_status_rules_init_default (&rules);
  letter = comptoir_shift_week_letter (comptoir_shift_week_index (&rules, self->monday));
  /* Translators: "Week B · 23 – 29 November 2026" */
  text = g_strdup_printf (_("Week %s · %s – %s"), letter, g_strstrip (from), g_strstrip (to));
  gtk_label_set_label (self->period_label, text);
}

gboolean
comptoir_planning_page_show_week (ComptoirPlanningPage  *self,
                                  ComptoirDay            day,
                                  GError               **error)
{
  g_autoptr (GArray) slots = NULL;
  g_autoptr (GArray) closing = NULL;
  GtkWidget *columns[7];
  GDate date;

  g_return_val_if_fail (COMPTOIR_IS_PLANNING_PAGE (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  self->monday = day - (g_date_get_weekday (&date) - G_DATE_MONDAY);
  if (!comptoir_shift_list_slots (self->db, self->monday, self->monday + 6, &slots, error) ||
      !comptoir_shift_list_closing_days (self->db, self->monday, self->monday + 6, &closing, error))
    return FALSE;

  clear_grid (self->week_grid);
  for (guint d = 0; d < 7; d++)
    {
      const char *closing_label = NULL;

      for (guint i = 0; i < closing->len; i++)
        if (g_array_index (closing, ComptoirClosingDay, i).day == self->monday + d)
          closing_label = g_array_index (closing, ComptoirClosingDay, i).label;
      gtk_grid_attach (self->week_grid, day_header_new (self->monday + d, closing_label), d, 0, 1, 1);
      columns[d] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
      gtk_widget_set_valign (columns[d], GTK_ALIGN_START);
      gtk_grid_attach (self->week_grid, columns[d], d, 1, 1, 1);
    }
  self->n_slot_cards = 0;
  for (guint i = 0; i < slots->len; i++)
    {
      const ComptoirShiftSlot *slot = &g_array_index (slots, ComptoirShiftSlot, i);

      gtk_box_append (GTK_BOX (columns[slot->day - self->monday]), slot_card_new (self, slot));
      self->n_slot_cards++;
    }
  if (slots->len == 0)
    {
      GtkWidget *empty = gtk_label_new (_("No shift this week. Add templates in the Cycle view, "
                                          "then generate the coming weeks."));

      gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_grid_attach (self->week_grid, empty, 0, 2, 7, 1);
    }
  update_period_label (self);
  return TRUE;
}

guint
comptoir_planning_page_get_n_slot_cards (ComptoirPlanningPage *self)
{
  g_return_val_if_fail (COMPTOIR_IS_PLANNING_PAGE (self), 0);

  return self->n_slot_cards;
}

static void
reload_week (ComptoirPlanningPage *self)
{
  g_autoptr (GError) error = NULL;

  if (!comptoir_planning_page_show_week (self, self->monday, &error))
    _comptoir_planning_page_show_message (self, error->message);
}

void
_comptoir_planning_page_reload (ComptoirPlanningPage *self)
{
  const char *view;

  if (self->db == NULL)
    return;
  view = gtk_stack_get_visible_child_name (self->view_stack);
  /* Only the view in sight is rebuilt; the others are when shown. */
  if (g_strcmp0 (view, "cycle") == 0)
    _comptoir_planning_reload_cycle (self);
  else if (g_strcmp0 (view, "exchange") == 0)
    _comptoir_planning_reload_offers (self);
  else if (g_strcmp0 (view, "now") == 0)
    _comptoir_planning_reload_now (self);
  else
    reload_week (self);
}

static void
on_previous_clicked (ComptoirPlanningPage *self)
{
  self->monday -= 7;
  reload_week (self);
}

static void
on_next_clicked (ComptoirPlanningPage *self)
{
  self->monday += 7;
  reload_week (self);
}

static void
on_this_week_clicked (ComptoirPlanningPage *self)
{
  self->monday = comptoir_day_today ();
  reload_week (self);
}

static void
on_view_changed (ComptoirPlanningPage *self)
{
  const char *view = gtk_stack_get_visible_child_name (self->view_stack);
  gboolean week = g_strcmp0 (view, "week") == 0;

  gtk_widget_set_visible (self->week_nav, week);
  if (week && self->monday != COMPTOIR_DAY_NONE)
    update_period_label (self);
  else if (!week)
    gtk_label_set_label (self->period_label, "");
  _comptoir_planning_page_reload (self);
  if (g_strcmp0 (view, "now") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->checkin_entry));
}

void
comptoir_planning_page_show_view (ComptoirPlanningPage *self,
                                  const char           *view)
{
  g_return_if_fail (COMPTOIR_IS_PLANNING_PAGE (self));

  gtk_stack_set_visible_child_name (self->view_stack, view);
}

static gboolean
mark_absent (gpointer data)
{
  ComptoirPlanningPage *self = data;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GError) error = NULL;
  guint n_marked = 0;

  if (!comptoir_shift_mark_absent (self->db, now, &n_marked, &error))
    g_warning ("Marking absent members failed: %s", error->message);
  else if (n_marked > 0)
    _comptoir_planning_page_reload (self);
  return G_SOURCE_CONTINUE;
}

static void
on_map (ComptoirPlanningPage *self)
{
  if (self->db == NULL)
    return;
  mark_absent (self);
  _comptoir_planning_page_reload (self);
}

static void
on_add_template_clicked (ComptoirPlanningPage *self)
{
  _comptoir_planning_open_template (self, NULL);
}

static void
on_add_slot_clicked (ComptoirPlanningPage *self)
{
  _comptoir_planning_open_add_slot (self);
}

static void
on_closing_days_clicked (ComptoirPlanningPage *self)
{
  _comptoir_planning_open_closing_days (self);
}

static void
on_generate_clicked (ComptoirPlanningPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  guint n_slots = 0, n_seats = 0;

  if (!comptoir_shift_generate (self->db, comptoir_day_today (), 4, &n_slots, &n_seats, &error))
    {
      _comptoir_planning_page_show_message (self, error->message);
      return;
    }
  if (n_slots == 0 && n_seats == 0)
    message = g_strdup (_("The coming four weeks were already made: nothing to add."));
  else
    /* Translators: both counts are at least 0 */
    message = g_strdup_printf (_("%u slots made, %u squad seats given."), n_slots, n_seats);
  _comptoir_planning_page_show_message (self, message);
  _comptoir_planning_page_reload (self);
}

void
comptoir_planning_page_set_db (ComptoirPlanningPage *self,
                               ComptoirDb           *db)
{
  g_return_if_fail (COMPTOIR_IS_PLANNING_PAGE (self));

  g_set_object (&self->db, db);
  g_clear_handle_id (&self->absent_timer, g_source_remove);
  if (db == NULL)
    return;
  self->monday = comptoir_day_today ();
  self->absent_timer = g_timeout_add_seconds (ABSENT_CHECK_SECONDS, mark_absent, self);
  /* The week is built when the section is shown, not while the till
   * starts. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    on_map (self);
}

static void
on_checkin_activate (ComptoirPlanningPage *self)
{
  g_autoptr (GError) error = NULL;
  char member_id[COMPTOIR_ID_LEN + 1];
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->checkin_entry));

  if (!comptoir_member_find_one (self->db, text, member_id, &error))
    {
      gtk_label_set_label (self->checkin_message, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->checkin_message), "error");
      gtk_widget_set_visible (GTK_WIDGET (self->checkin_message), TRUE);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  _comptoir_planning_check_in (self, member_id, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->checkin_entry), "");
}

static void
comptoir_planning_page_dispose (GObject *object)
{
  ComptoirPlanningPage *self = COMPTOIR_PLANNING_PAGE (object);

  g_clear_handle_id (&self->absent_timer, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), COMPTOIR_TYPE_PLANNING_PAGE);
  g_clear_object (&self->db);
  g_clear_weak_pointer (&self->toast);

  G_OBJECT_CLASS (comptoir_planning_page_parent_class)->dispose (object);
}

static void
comptoir_planning_page_class_init (ComptoirPlanningPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comptoir_planning_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/comptoir/Comptoir/ui/comptoir-planning-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ComptoirPlanningPage, content);
  gtk_widget_class_bind_template_child (widget_class, ComptoirPlanningPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, ComptoirPlanningPage, week_nav);
  gtk_widget_class_bind_template_child (widget_class, ComptoirPlanningPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ComptoirPlanningPage, week_grid);
  gtk_widget_class_bind_template_child (widget_class, ComptoirPlanningPage, cycle_label);
  gtk_widget_class_bind_template_child (widget_class, ComptoirPlanningPage, cycle_grid);
  gtk_widget_class_bind_template_child (widget_class, ComptoirPlanningPage, offers_list);
  gtk_widget_class_bind_template_child (widget_class, ComptoirPlanningPage, checkin_entry);
  gtk_widget_class_bind_template_child (widget_class, ComptoirPlanningPage, checkin_message);
  gtk_widget_class_bind_template_child (widget_class, ComptoirPlanningPage, now_box);
  gtk_widget_class_bind_template_callback (widget_class, on_map);
  gtk_widget_class_bind_template_callback (widget_class, on_previous_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_this_week_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_generate_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_template_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_slot_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_closing_days_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_checkin_activate);
}

static void
comptoir_planning_page_init (ComptoirPlanningPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
