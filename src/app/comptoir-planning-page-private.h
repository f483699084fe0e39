/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-planning-page.h"

G_BEGIN_DECLS

struct _ComptoirPlanningPage
{
  GtkWidget     parent_instance;

  GtkWidget    *content;        /* the only child, unparented on dispose */
  GtkLabel     *period_label;
  GtkWidget    *week_nav;       /* the week's navigation and Add a Slot */
  GtkStack     *view_stack;
  GtkGrid      *week_grid;
  GtkLabel     *cycle_label;
  GtkGrid      *cycle_grid;
  GtkListBox   *offers_list;
  GtkEntry     *checkin_entry;
  GtkLabel     *checkin_message;
  GtkBox       *now_box;

  ComptoirDb   *db;
  ComptoirDay   monday;         /* of the week shown */
  guint         n_slot_cards;
  guint         absent_timer;
  AdwToast     *toast;
};

/* Shown in a toast; the text is escaped (toast titles are markup). */
void     _comptoir_planning_page_show_message (ComptoirPlanningPage *self,
                                               const char           *message);
/* Every view again from the database, after anything changed. */
void     _comptoir_planning_page_reload       (ComptoirPlanningPage *self);

/* "Tuesday 24 November" (format as g_date_strftime). */
char    *_comptoir_planning_format_day        (ComptoirDay           day,
                                               const char           *format);
/* "Tuesday 24 November, 09:00–12:00 · Cashier" */
char    *_comptoir_planning_describe_slot     (const ComptoirShiftSlot *slot);

/* The slot's dialog: seats, booking, cancel, offer, check-in. */
void     _comptoir_planning_open_slot         (ComptoirPlanningPage *self,
                                               const char           *slot_id);

/* A template and its squad; template NULL: a new one. */
void     _comptoir_planning_open_template     (ComptoirPlanningPage        *self,
                                               const ComptoirShiftTemplate *template);

/* comptoir-planning-forms.c: what the planning's windows share… */

/* A modal window over the page's window: a header bar, with action (a
 * button, made the suggested one) at its end when given, above body,
 * clamped and scrolled. */
GtkWidget   *_comptoir_planning_window_new     (ComptoirPlanningPage *self,
                                                const char           *title,
                                                int                   width,
                                                int                   height,
                                                GtkWidget            *action,
                                                GtkWidget            *body);
/* The line a window says what happened on, hidden until then. */
GtkLabel    *_comptoir_planning_message_new    (void);
/* Shows text on message (NULL hides it); an error is red and rings. */
void         _comptoir_planning_say            (GtkWidget            *window,
                                                GtkLabel             *message,
                                                const char           *text,
                                                gboolean              error);
/* Hides an error on message as soon as row is edited. */
void         _comptoir_planning_forget_error_on_change (GtkLabel    *message,
                                                        AdwEntryRow *row);
AdwComboRow *_comptoir_planning_combo_row_new  (const char           *title,
                                                const char * const   *items);
/* The jobs by label, in ComptoirShiftJob order. */
AdwComboRow *_comptoir_planning_job_row_new    (ComptoirShiftJob      job);
AdwEntryRow *_comptoir_planning_entry_row_new  (const char           *title,
                                                const char           *text);
/* A spin button in an action row (no AdwSpinRow in libadwaita 1.2). */
GtkWidget   *_comptoir_planning_spin_row_new   (const char           *title,
                                                guint                 min,
                                                guint                 max,
                                                guint                 value,
                                                GtkSpinButton       **spin);
/* A day as YYYY-MM-DD, with a calendar to pick it from; day may be
 * COMPTOIR_DAY_NONE (empty). */
AdwEntryRow *_comptoir_planning_day_row_new    (const char           *title,
                                                ComptoirDay           day);
/* What the row holds; FALSE, and the row marked in error, when it is
 * not a time ("9:00", "14h30") or a day. */
gboolean     _comptoir_planning_read_minute    (AdwEntryRow          *row,
                                                guint                *out);
gboolean     _comptoir_planning_read_day       (AdwEntryRow          *row,
                                                ComptoirDay          *out);

/* …and its windows: a one-off slot, the closing days. */
void     _comptoir_planning_open_add_slot     (ComptoirPlanningPage *self);
void     _comptoir_planning_open_closing_days (ComptoirPlanningPage *self);

/* comptoir-planning-board.c */
void     _comptoir_planning_reload_cycle      (ComptoirPlanningPage *self);
void     _comptoir_planning_reload_offers     (ComptoirPlanningPage *self);
void     _comptoir_planning_reload_now        (ComptoirPlanningPage *self);
void     _comptoir_planning_check_in          (ComptoirPlanningPage *self,
                                               const char           *member_id,
                                               const char           *slot_id);

G_END_DECLS
