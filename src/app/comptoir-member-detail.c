/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-members-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "comptoir-members-page-private.h"

/* What the member page shows of the member picked: everything is read
 * again from the core on each load, nothing is kept but the record and
 * the status the actions need. */

/* The explanation of a long-standing member runs to hundreds of lines;
 * the newest say why the status is what it is today. */
#define COUNTER_LINES_SHOWN 30

static const char * const identity_titles[N_IDENTITY_FIELDS] = {
  [IDENTITY_NUMBER] = N_("Member number"),
  [IDENTITY_CARD] = N_("Card barcode"),
  [IDENTITY_PARTICIPATION] = N_("Participation"),
  [IDENTITY_SQUAD] = N_("Squad"),
  [IDENTITY_JOINED] = N_("Joined on"),
  [IDENTITY_BORN] = N_("Born on"),
  [IDENTITY_EMAIL] = N_("E-mail"),
  [IDENTITY_PHONE] = N_("Phone"),
  [IDENTITY_ADDRESS] = N_("Address"),
  [IDENTITY_NOTES] = N_("Notes"),
};

static const char * const shares_titles[N_SHARES_FIELDS] = {
  [SHARES_HELD] = N_("Shares held"),
  [SHARES_CAPITAL] = N_("Capital subscribed"),
  [SHARES_PAID] = N_("Paid"),
  [SHARES_OWED] = N_("Still owed"),
};

static const char * const badge_classes[] = {
  [COMPTOIR_MEMBER_UP_TO_DATE] = "up-to-date",
  [COMPTOIR_MEMBER_ALERT] = "alert",
  [COMPTOIR_MEMBER_SUSPENDED] = "suspended",
  [COMPTOIR_MEMBER_EXEMPTED] = "exempted",
  [COMPTOIR_MEMBER_UNSUBSCRIBED] = "unsubscribed",
};

char *
_comptoir_members_format_day (ComptoirDay day)
{
  char text[64];
  GDate date;

  if (day == COMPTOIR_DAY_NONE || !g_date_valid_julian (day))
    return g_strdup ("");
  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  /* Translators: a full date, as in "left the cooperative on 01/09/2026" */
  if (g_date_strftime (text, sizeof text, C_("date", "%d/%m/%Y"), &date) == 0)
    return g_strdup ("");
  return g_strdup (text);
}

static char *
format_day_with_weekday (ComptoirDay day)
{
  char text[128];
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  /* Translators: a shift's day, as in "Tuesday 24/11/2026"; see strftime */
  if (g_date_strftime (text, sizeof text, C_("date with weekday", "%A %d/%m/%Y"), &date) == 0)
    return _comptoir_members_format_day (day);
  return g_strdup (text);
}

/* Day, month and year in the order the shop's people write them; a
 * two-digit year is this century's unless that is in the future (a
 * birth date). */
gboolean
_comptoir_members_parse_day (const char  *text,
                             ComptoirDay *out)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_auto (GStrv) parts = NULL;
  guint64 v[3];
  GDate date;

  *out = COMPTOIR_DAY_NONE;
  if (*stripped == '\0')
    return TRUE;
  if ((*out = comptoir_day_from_iso (stripped)) != COMPTOIR_DAY_NONE)
    return TRUE;
  g_strdelimit (stripped, ".-", '/');
  parts = g_strsplit (stripped, "/", -1);
  if (g_strv_length (parts) != 3)
    return FALSE;
  for (guint i = 0; i < 3; i++)
    if (!g_ascii_string_to_unsigned (parts[i], 10, 1, 9999, &v[i], NULL))
      return FALSE;
  if (strlen (parts[2]) <= 2)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      guint64 year = 2000 + v[2];

      v[2] = year > (guint64) g_date_time_get_year (now) ? year - 100 : year;
    }
  if (!g_date_valid_dmy ((GDateDay) v[0], (GDateMonth) v[1], (GDateYear) v[2]))
    return FALSE;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) v[0], (GDateMonth) v[1], (GDateYear) v[2]);
  *out = g_date_get_julian (&date);
  return TRUE;
}

char *
_comptoir_members_format_points (gint64 points)
{
  if (points > 0)
    return g_strdup_printf ("+%lld", (long long) points);
  if (points < 0)
    return g_strdup_printf ("−%lld", (long long) -points);
  return g_strdup ("0");
}

static GtkWidget *
row_new (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Names, reasons and notes are typed by people: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* Values are read whole: only the long ones (address, notes) wrap, and
 * never narrower than a short line. */
static GtkLabel *
add_value_row (AdwPreferencesGroup *group,
               const char          *title,
               gboolean             long_text)
{
  GtkWidget *row = row_new (title, NULL);
  GtkWidget *value = gtk_label_new (NULL);

  gtk_label_set_selectable (GTK_LABEL (value), TRUE);
  if (long_text)
    {
      gtk_label_set_wrap (GTK_LABEL (value), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (value), 24);
      gtk_label_set_max_width_chars (GTK_LABEL (value), 48);
    }
  gtk_label_set_xalign (GTK_LABEL (value), 1);
  gtk_label_set_justify (GTK_LABEL (value), GTK_JUSTIFY_RIGHT);
  gtk_widget_set_margin_top (value, 6);
  gtk_widget_set_margin_bottom (value, 6);
  gtk_widget_add_css_class (value, "member-value");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  adw_preferences_group_add (group, row);
  return GTK_LABEL (value);
}

static void
add_dynamic_row (AdwPreferencesGroup *group,
                 GPtrArray           *rows,
                 GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
}

/* A row saying there is nothing to list, so the group is not empty. */
static void
add_placeholder_row (AdwPreferencesGroup *group,
                     GPtrArray           *rows,
                     const char          *text)
{
  GtkWidget *row = row_new (text, NULL);

  gtk_widget_add_css_class (row, "dim-label");
  add_dynamic_row (group, rows, row);
}

static void
remove_rows (AdwPreferencesGroup *group,
             GPtrArray           *rows)
{
  if (rows == NULL)
    return;
  for (guint i = 0; group != NULL && i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

void
_comptoir_members_page_init_detail (ComptoirMembersPage *self)
{
  GtkWidget *row;

  for (guint i = 0; i < N_IDENTITY_FIELDS; i++)
    self->identity_values[i] = add_value_row (self->identity_group, _(identity_titles[i]),
                                              i == IDENTITY_ADDRESS || i == IDENTITY_NOTES);
  for (guint i = 0; i < N_SHARES_FIELDS; i++)
    self->shares_values[i] = add_value_row (self->shares_group, _(shares_titles[i]), FALSE);

  row = row_new (_("Counter"), NULL);
  self->counter_value = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->counter_value), "title-2");
  gtk_widget_add_css_class (GTK_WIDGET (self->counter_value), "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->counter_value));
  adw_preferences_group_add (self->counter_group, row);
  g_object_set_data (G_OBJECT (self->counter_group), "counter-row", row);
  self->counter_limit = COUNTER_LINES_SHOWN;
}

void
_comptoir_members_page_clear_detail (ComptoirMembersPage *self)
{
  remove_rows (self->household_group, self->household_rows);
  remove_rows (self->counter_group, self->counter_rows);
  remove_rows (self->shifts_group, self->shifts_rows);
  remove_rows (self->history_group, self->history_rows);
  /* The photo goes with the member: nobody else's shows by mistake. */
  if (self->avatar != NULL)
    adw_avatar_set_custom_image (self->avatar, NULL);
  comptoir_member_record_clear (&self->record);
  memset (&self->record, 0, sizeof self->record);
  comptoir_member_status_clear (&self->status);
  memset (&self->status, 0, sizeof self->status);
}

static void
set_value (ComptoirMembersPage *self,
           IdentityField        field,
           const char          *value)
{
  GtkLabel *label = self->identity_values[field];
  gboolean given = value != NULL && *value != '\0';

  gtk_label_set_text (label, given ? value : _("Not given"));
  if (given)
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
}

static void
fill_header (ComptoirMembersPage *self)
{
  g_autofree char *name = comptoir_member_record_get_display_name (&self->record);
  g_autofree char *number = g_strdup_printf (_("No. %lld"), (long long) self->record.number);
  g_autofree char *sentence = comptoir_member_status_describe (&self->status);
  ComptoirMemberStatusKind kind = self->status.kind;

  gtk_label_set_text (self->name_label, name);
  gtk_label_set_text (self->number_label, number);
  gtk_label_set_text (self->badge, comptoir_member_status_kind_get_label (kind));
  for (guint i = 0; i < G_N_ELEMENTS (badge_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->badge), badge_classes[i]);
  if ((guint) kind < G_N_ELEMENTS (badge_classes))
    gtk_widget_add_css_class (GTK_WIDGET (self->badge), badge_classes[kind]);

  /* The core's sentence is made to follow "may shop, but:" at the till;
   * on its own it starts with a capital. */
  if (sentence != NULL && *sentence != '\0')
    {
      gunichar first = g_unichar_totitle (g_utf8_get_char (sentence));
      char head[8] = { 0 };
      g_autofree char *text = NULL;

      g_unichar_to_utf8 (first, head);
      text = g_strconcat (head, g_utf8_next_char (sentence), ".", NULL);
      gtk_label_set_text (self->status_label, text);
    }
  else if (kind == COMPTOIR_MEMBER_EXEMPTED)
    gtk_label_set_text (self->status_label, _("No shift is owed at the moment: the member may shop."));
  else
    gtk_label_set_text (self->status_label, _("The member may shop."));
  if (self->record.anonymised)
    {
      g_autofree char *text = g_strdup_printf ("%s %s", gtk_label_get_text (self->status_label),
                                               _("The record was anonymised: it can no longer be changed."));
      gtk_label_set_text (self->status_label, text);
    }
}

/* "Week B, Tuesday, 09:00–12:00 · Cashier" */
static char *
describe_squad (ComptoirMembersPage *self,
                ComptoirDay          today,
                GError             **error)
{
  g_autofree char *template_id = NULL;
  g_autoptr (GArray) templates = NULL;
  g_autoptr (GError) local_error = NULL;

  template_id = comptoir_shift_squad_of (self->db, self->member_id, today, &local_error);
  if (template_id == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!comptoir_shift_list_templates (self->db, today, &templates, error))
    return NULL;
  g_array_set_clear_func (templates, (GDestroyNotify) comptoir_shift_template_clear);
  for (guint i = 0; i < templates->len; i++)
    {
      const ComptoirShiftTemplate *t = &g_array_index (templates, ComptoirShiftTemplate, i);
      g_autofree char *week = NULL;
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;
      char weekday[64];
      GDate date;

      if (!g_str_equal (t->id, template_id))
        continue;
      week = comptoir_shift_week_letter (t->week_index);
      start = comptoir_shift_format_minute (t->start_minute);
      end = comptoir_shift_format_minute (t->end_minute);
      /* 2024-01-01 was a Monday. */
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2024);
      g_date_add_days (&date, CLAMP (t->weekday, 1, 7) - 1);
      g_date_strftime (weekday, sizeof weekday, "%A", &date);
      /* Translators: a squad: the week of the cycle, a weekday, times and the job */
      return g_strdup_printf (_("Week %s, %s, %s–%s · %s"), week, weekday, start, end,
                              comptoir_shift_job_get_label (t->job));
    }
  return NULL;
}

static void
fill_identity (ComptoirMembersPage *self,
               ComptoirDay          today)
{
  const ComptoirMemberRecord *r = &self->record;
  g_autofree char *number = g_strdup_printf ("%lld", (long long) r->number);
  g_autofree char *joined = _comptoir_members_format_day (r->join_date);
  g_autofree char *born = _comptoir_members_format_day (r->birth_date);
  g_autofree char *squad = NULL;
  g_autoptr (GError) error = NULL;

  set_value (self, IDENTITY_NUMBER, number);
  set_value (self, IDENTITY_CARD, r->card_barcode);
  set_value (self, IDENTITY_PARTICIPATION, comptoir_participation_get_label (r->participation));
  squad = describe_squad (self, today, &error);
  if (error != NULL)
    _comptoir_members_page_show_message (self, error->message);
  if (squad == NULL && r->participation != COMPTOIR_PARTICIPATION_STANDARD)
    squad = g_strdup (_("None: not a standard member"));
  else if (squad == NULL && error == NULL)
    squad = g_strdup (_("No squad yet"));
  set_value (self, IDENTITY_SQUAD, squad);
  set_value (self, IDENTITY_JOINED, joined);
  set_value (self, IDENTITY_BORN, born);
  set_value (self, IDENTITY_EMAIL, r->email);
  set_value (self, IDENTITY_PHONE, r->phone);
  set_value (self, IDENTITY_ADDRESS, r->address);
  set_value (self, IDENTITY_NOTES, r->notes);
}

static void
clear_person (gpointer data)
{
  ComptoirHouseholdPerson *person = data;

  g_free (person->first_name);
  g_free (person->last_name);
}

static void
on_remove_person_clicked (GtkButton           *button,
                          ComptoirMembersPage *self)
{
  _comptoir_members_page_remove_person (self, g_object_get_data (G_OBJECT (button), "person-id"),
                                        g_object_get_data (G_OBJECT (button), "person-name"));
}

static void
fill_household (ComptoirMembersPage *self)
{
  g_autoptr (GArray) people = NULL;
  g_autoptr (GError) error = NULL;

  if (!comptoir_member_household_list (self->db, self->member_id, &people, &error))
    {
      add_placeholder_row (self->household_group, self->household_rows, error->message);
      return;
    }
  g_array_set_clear_func (people, clear_person);
  for (guint i = 0; i < people->len; i++)
    {
      const ComptoirHouseholdPerson *p = &g_array_index (people, ComptoirHouseholdPerson, i);
      g_autofree char *name = g_strdup_printf ("%s %s", p->first_name, p->last_name);
      g_autofree char *born = _comptoir_members_format_day (p->birth_date);
      g_autofree char *subtitle = *born != '\0' ? g_strdup_printf (_("born on %s"), born) : NULL;
      g_autofree char *label = g_strdup_printf (_("Remove %s from the household"), name);
      GtkWidget *row = row_new (name, subtitle);
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_set_sensitive (remove, !self->record.anonymised);
      g_object_set_data_full (G_OBJECT (remove), "person-id", g_strdup (p->id), g_free);
      g_object_set_data_full (G_OBJECT (remove), "person-name", g_strdup (name), g_free);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_person_clicked), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      add_dynamic_row (self->household_group, self->household_rows, row);
    }
  if (people->len == 0)
    add_placeholder_row (self->household_group, self->household_rows, _("Nobody else shops on this account."));
}

static void
set_money (GtkLabel *label,
           gint64    cents)
{
  g_autofree char *amount = comptoir_money_format_local (cents);
  /* Translators: an amount of money in euros */
  g_autofree char *text = g_strdup_printf (_("%s €"), amount);

  gtk_label_set_text (label, text);
}

static void
fill_shares (ComptoirMembersPage *self)
{
  g_auto (ComptoirShares) shares = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *held = NULL;

  if (!comptoir_member_shares_load (self->db, self->member_id, &shares, &error))
    {
      for (guint i = 0; i < N_SHARES_FIELDS; i++)
        gtk_label_set_text (self->shares_values[i], "");
      gtk_label_set_text (self->shares_values[SHARES_HELD], error->message);
      return;
    }
  held = g_strdup_printf ("%lld", (long long) shares.n_shares);
  gtk_label_set_text (self->shares_values[SHARES_HELD], held);
  set_money (self->shares_values[SHARES_CAPITAL], shares.capital);
  set_money (self->shares_values[SHARES_PAID], shares.paid);
  set_money (self->shares_values[SHARES_OWED], MAX (shares.capital - shares.paid, 0));
}

static void
on_end_leave_clicked (GtkButton           *button,
                      ComptoirMembersPage *self)
{
  _comptoir_members_page_end_leave (self, g_object_get_data (G_OBJECT (button), "leave-id"));
}

static GtkWidget *
line_row_new (ComptoirMembersPage      *self,
              const ComptoirStatusLine *line)
{
  g_autofree char *day = _comptoir_members_format_day (line->day);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *points = NULL;
  g_autofree char *counter = NULL;
  g_autofree char *after = NULL;
  GtkWidget *row, *box, *points_label, *after_label;

  switch (line->kind)
    {
    case COMPTOIR_STATUS_LINE_ENTRY:
      title = g_strdup (comptoir_ledger_kind_get_label (line->entry.kind));
      if (line->entry.reason != NULL && *line->entry.reason != '\0')
        subtitle = g_strdup_printf ("%s · %s", day, line->entry.reason);
      else
        subtitle = g_strdup (day);
      break;
    case COMPTOIR_STATUS_LINE_CYCLE_DUE:
      title = g_strdup (_("Shift owed for the cycle"));
      subtitle = g_strdup (day);
      break;
    case COMPTOIR_STATUS_LINE_LEAVE:
    default:
      {
        g_autofree char *to = _comptoir_members_format_day (line->leave.to_on);

        /* Translators: a leave period in a member's counter, such as "Leave: Holiday" */
        title = g_strdup_printf (_("Leave: %s"), comptoir_leave_kind_get_label (line->leave.kind));
        subtitle = *to != '\0' ? g_strdup_printf (_("from %s to %s"), day, to)
                               : g_strdup_printf (_("from %s, end not known yet"), day);
      }
      break;
    }

  row = row_new (title, subtitle);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  if (line->waived)
    {
      gint64 owed_points = line->kind == COMPTOIR_STATUS_LINE_ENTRY ? line->entry.points : -1;
      g_autofree char *owed = _comptoir_members_format_points (owed_points);

      /* Translators: a penalty that a leave or an exemption cancels, "−1 waived" */
      points = g_strdup_printf (_("%s waived"), owed);
      gtk_widget_add_css_class (row, "member-line-waived");
    }
  else if (line->kind == COMPTOIR_STATUS_LINE_LEAVE)
    points = g_strdup ("");
  else
    points = _comptoir_members_format_points (line->counted);
  points_label = gtk_label_new (points);
  gtk_label_set_xalign (GTK_LABEL (points_label), 1);
  gtk_widget_add_css_class (points_label, "member-points");
  gtk_widget_add_css_class (points_label, "numeric");
  counter = _comptoir_members_format_points (line->counter);
  /* Translators: the member's counter after a line of their ledger */
  after = g_strdup_printf (_("counter %s"), counter);
  after_label = gtk_label_new (after);
  gtk_label_set_xalign (GTK_LABEL (after_label), 1);
  gtk_widget_add_css_class (after_label, "caption");
  gtk_widget_add_css_class (after_label, "dim-label");
  gtk_widget_add_css_class (after_label, "numeric");
  gtk_box_append (GTK_BOX (box), points_label);
  gtk_box_append (GTK_BOX (box), after_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

  if (line->kind == COMPTOIR_STATUS_LINE_LEAVE && line->leave.to_on == COMPTOIR_DAY_NONE && !self->record.anonymised)
    {
      GtkWidget *end = gtk_button_new_with_mnemonic (_("End _Today"));

      gtk_widget_set_valign (end, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (end, _("The leave ends today: shifts are owed again from tomorrow"));
      g_object_set_data_full (G_OBJECT (end), "leave-id", g_strdup (line->leave.id), g_free);
      g_signal_connect_object (end, "clicked", G_CALLBACK (on_end_leave_clicked), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), end);
    }
  return row;
}

static void fill_counter (ComptoirMembersPage *self);

static void
on_show_all_lines (ComptoirMembersPage *self)
{
  self->counter_limit = G_MAXUINT;
  fill_counter (self);
}

static void
fill_counter (ComptoirMembersPage *self)
{
  AdwActionRow *counter_row = g_object_get_data (G_OBJECT (self->counter_group), "counter-row");
  g_autofree char *counter = _comptoir_members_format_points (self->status.counter);
  guint n = self->status.lines != NULL ? self->status.lines->len : 0;
  guint shown = 0;

  remove_rows (self->counter_group, self->counter_rows);
  gtk_label_set_text (self->counter_value, counter);
  if (self->status.to_make_up > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld shift to make up",
                                                            "%lld shifts to make up",
                                                            (gulong) self->status.to_make_up),
                                               (long long) self->status.to_make_up);
      adw_action_row_set_subtitle (counter_row, text);
    }
  else
    adw_action_row_set_subtitle (counter_row, _("Nothing to make up"));

  for (guint i = n; i > 0 && shown < self->counter_limit; i--, shown++)
    add_dynamic_row (self->counter_group, self->counter_rows,
                     line_row_new (self, &g_array_index (self->status.lines, ComptoirStatusLine, i - 1)));
  if (shown < n)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show the %u older line",
                                                            "Show the %u older lines", n - shown),
                                               n - shown);
      GtkWidget *row = row_new (text, NULL);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_show_all_lines), self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-down-symbolic"));
      add_dynamic_row (self->counter_group, self->counter_rows, row);
    }
  if (n == 0)
    add_placeholder_row (self->counter_group, self->counter_rows, _("Nothing recorded yet."));
}

static const char *
seat_state_label (ComptoirSeatState state)
{
  switch (state)
    {
    case COMPTOIR_SEAT_HELD:
      return _("held");
    case COMPTOIR_SEAT_PENDING:
      return _("pending: the hub will confirm");
    case COMPTOIR_SEAT_OFFERED:
      return _("offered on the exchange board");
    default:
      return "";
    }
}

static void
on_shift_button_clicked (GtkButton           *button,
                         ComptoirMembersPage *self)
{
  const char *what = g_object_get_data (G_OBJECT (button), "what");
  const char *id = g_object_get_data (G_OBJECT (button), "id");

  if (g_str_equal (what, "cancel"))
    _comptoir_members_page_cancel_shift (self, id);
  else if (g_str_equal (what, "offer"))
    _comptoir_members_page_offer_shift (self, id);
  else
    _comptoir_members_page_withdraw_offer (self, id);
}

static void
add_shift_button (ComptoirMembersPage *self,
                  GtkWidget           *row,
                  const char          *label,
                  const char          *tooltip,
                  const char          *what,
                  const char          *id)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_sensitive (button, self->record.left_on == COMPTOIR_DAY_NONE);
  g_object_set_data (G_OBJECT (button), "what", (gpointer) what);
  g_object_set_data_full (G_OBJECT (button), "id", g_strdup (id), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_shift_button_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static void
fill_shifts (ComptoirMembersPage *self,
             ComptoirDay          today)
{
  g_autoptr (GArray) slots = NULL;
  g_autoptr (GError) error = NULL;

  if (!comptoir_shift_list_member_slots (self->db, self->member_id, today, &slots, &error))
    {
      add_placeholder_row (self->shifts_group, self->shifts_rows, error->message);
      return;
    }
  g_array_set_clear_func (slots, (GDestroyNotify) comptoir_shift_slot_clear);
  for (guint i = 0; i < slots->len; i++)
    {
      const ComptoirShiftSlot *slot = &g_array_index (slots, ComptoirShiftSlot, i);
      const ComptoirShiftSeat *seat = NULL;
      g_autofree char *day = format_day_with_weekday (slot->day);
      g_autofree char *start = comptoir_shift_format_minute (slot->start_minute);
      g_autofree char *end = comptoir_shift_format_minute (slot->end_minute);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      for (guint s = 0; slot->seats != NULL && s < slot->seats->len; s++)
        if (g_str_equal (g_array_index (slot->seats, ComptoirShiftSeat, s).member_id, self->member_id))
          seat = &g_array_index (slot->seats, ComptoirShiftSeat, s);
      /* Translators: a shift: times, job and the member's seat, "09:00–12:00 · Cashier · held" */
      subtitle = g_strdup_printf (_("%s–%s · %s · %s"), start, end, comptoir_shift_job_get_label (slot->job),
                                  seat != NULL ? seat_state_label (seat->state) : "");
      row = row_new (day, subtitle);
      if (seat != NULL && seat->state == COMPTOIR_SEAT_HELD)
        add_shift_button (self, row, _("_Offer"), _("Put this shift on the exchange board: the member keeps it until someone takes it"),
                          "offer", slot->id);
      else if (seat != NULL && seat->state == COMPTOIR_SEAT_OFFERED)
        add_shift_button (self, row, _("_Withdraw Offer"), _("Take this shift off the exchange board"),
                          "withdraw", seat->offer_id);
      add_shift_button (self, row, _("_Cancel"), _("Give this shift back; late, it costs points"), "cancel", slot->id);
      add_dynamic_row (self->shifts_group, self->shifts_rows, row);
    }
  if (slots->len == 0)
    add_placeholder_row (self->shifts_group, self->shifts_rows, _("No upcoming shift."));
}

static void
fill_history (ComptoirMembersPage *self,
              ComptoirDay          today)
{
  g_autoptr (GArray) changes = NULL;
  g_autoptr (GError) error = NULL;

  if (!comptoir_member_status_history (self->db, self->member_id, today, &changes, &error))
    {
      add_placeholder_row (self->history_group, self->history_rows, error->message);
      return;
    }
  for (guint i = changes->len; i > 0; i--)
    {
      const ComptoirStatusChange *change = &g_array_index (changes, ComptoirStatusChange, i - 1);
      g_autofree char *day = _comptoir_members_format_day (change->day);
      g_autofree char *subtitle = g_strdup_printf (_("since %s"), day);

      add_dynamic_row (self->history_group, self->history_rows,
                       row_new (comptoir_member_status_kind_get_label (change->kind), subtitle));
    }
  if (changes->len == 0)
    add_placeholder_row (self->history_group, self->history_rows, _("No change yet."));
}

gboolean
_comptoir_members_page_load_detail (ComptoirMembersPage *self,
                                    GError             **error)
{
  ComptoirDay today = comptoir_day_today ();
  ComptoirMemberRecord record = { 0 };
  ComptoirMemberStatus status = { 0 };
  gboolean same = g_strcmp0 (self->record.id, self->member_id) == 0;

  if (!comptoir_member_record_load (self->db, self->member_id, &record, error))
    {
      comptoir_member_record_clear (&record);
      return FALSE;
    }
  if (!comptoir_member_status_compute (self->db, self->member_id, today, &status, error))
    {
      comptoir_member_record_clear (&record);
      comptoir_member_status_clear (&status);
      return FALSE;
    }
  _comptoir_members_page_clear_detail (self);
  self->record = record;
  self->status = status;
  if (!same)
    self->counter_limit = COUNTER_LINES_SHOWN;

  fill_header (self);
  _comptoir_members_page_fill_photo (self);
  fill_identity (self, today);
  fill_household (self);
  fill_shares (self);
  fill_counter (self);
  fill_shifts (self, today);
  fill_history (self, today);
  return TRUE;
}
