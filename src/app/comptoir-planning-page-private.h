/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-planning-page.h"

G_BEGIN_DECLS

struct _ComptoirPlanningPage
{
  GtkWidget     parent_instance;

  GtkWidget    *content;        /* the only child, unparented on dispose */
  GtkLabel     *period_label;
  GtkWidget    *week_nav;
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

/* comptoir-planning-board.c */
void     _comptoir_planning_reload_cycle      (ComptoirPlanningPage *self);
void     _comptoir_planning_reload_offers     (ComptoirPlanningPage *self);
void     _comptoir_planning_reload_now        (ComptoirPlanningPage *self);
void     _comptoir_planning_check_in          (ComptoirPlanningPage *self,
                                               const char           *member_id,
                                               const char           *slot_id);

G_END_DECLS
