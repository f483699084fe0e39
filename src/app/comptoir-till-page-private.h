/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-quick-grid.h"
#include "comptoir-scanner-evdev.h"
#include "comptoir-till-dialogs.h"
#include "comptoir-till-lock.h"
#include "comptoir-till-page.h"

G_BEGIN_DECLS

/* The till page is one widget in several files: scanning and the ticket
 * (comptoir-till-page.c), who is at the till (comptoir-till-login.c), the
 * member (comptoir-till-member.c), payment (comptoir-till-payment.c),
 * corrections and refunds (comptoir-till-ticket-actions.c), the cash
 * drawer and the day (comptoir-till-cash-actions.c) and paper
 * (comptoir-till-receipts.c). */

struct _ComptoirTillPage
{
  GtkWidget             parent_instance;

  GtkStack             *till_stack;
  AdwStatusPage        *closed_page;
  GtkLabel             *multiplier_label;
  GtkEntry             *scan_entry;
  GtkRevealer          *message_revealer;
  GtkLabel             *message_label;
  GtkLabel             *member_label;
  GtkLabel             *training_label;
  GtkScrolledWindow    *lines_scroller;
  GtkListBox           *lines_box;
  GtkLabel             *due_label;
  GtkLabel             *total_label;
  GtkStack             *side_stack;
  ComptoirQuickGrid    *quick_grid;
  ComptoirTillLock     *lock;
  GtkMenuButton        *cashier_button;
  GtkLabel             *results_label;
  GtkListBox           *results_box;
  AdwStatusPage        *done_page;
  GtkLabel             *payments_label;
  GtkGrid              *payment_grid;

  ComptoirCatalog      *catalog;
  ComptoirDb           *db;
  char                 *till_id;
  char                 *till_code;
  ComptoirOpenTicket   *ticket;
  ComptoirScaleRules   *rules;
  ComptoirKeyboardScan *keyboard;
  gint64                multiplier;    /* pieces for the next product; 0: one */
  guint                 message_source;
  ComptoirStaff        *cashier;       /* NULL while locked */
  guint                 lock_source;   /* locks after a while untouched */
  char                 *last_ticket_id; /* the last one paid, for its receipt */
  ComptoirScannerEvdev *scanner;        /* a dedicated scanner, when set up */
};

void     _comptoir_till_page_show_message (ComptoirTillPage *self,
                                          const char       *text,
                                          gboolean          is_error);
void     _comptoir_till_page_clear_message (ComptoirTillPage *self);
void     _comptoir_till_page_show_side    (ComptoirTillPage *self,
                                          const char       *name);
void     _comptoir_till_page_refresh      (ComptoirTillPage *self);
/* Whether the ticket may be paid: in a cooperative, only by a member
 * who may shop. FALSE with the reason shown. */
gboolean _comptoir_till_page_check_member (ComptoirTillPage *self);
void     _comptoir_till_page_show_state   (ComptoirTillPage *self);

void     _comptoir_till_page_print_receipt (ComptoirTillPage *self,
                                           const char       *ticket_id,
                                           gboolean          open_drawer);
gboolean _comptoir_till_page_offer_refund (ComptoirTillPage *self,
                                           const char       *code);
void     _comptoir_till_page_show_document (ComptoirTillPage *self,
                                            const char       *heading,
                                            const char       *text,
                                            const char       *ticket_id);

void     _comptoir_till_page_leave_done    (ComptoirTillPage *self);
void     _comptoir_till_page_touch_idle    (ComptoirTillPage *self);
void     _comptoir_till_page_on_unlocked   (ComptoirTillPage *self,
                                           ComptoirStaff    *staff);
void     _comptoir_till_page_refresh_member (ComptoirTillPage *self);
void     _comptoir_till_page_set_member    (ComptoirTillPage *self,
                                           const char       *member_id);

void     comptoir_till_page_class_add_login_actions  (GtkWidgetClass *widget_class);
void     comptoir_till_page_class_add_member_actions (GtkWidgetClass *widget_class);
void     comptoir_till_page_class_add_ticket_actions (GtkWidgetClass *widget_class);
void     comptoir_till_page_class_add_receipt_actions (GtkWidgetClass *widget_class);
void     comptoir_till_page_class_add_payment_actions (GtkWidgetClass *widget_class);
void     _comptoir_till_page_fill_payment_buttons     (ComptoirTillPage *self);
void     comptoir_till_page_class_add_cash_actions   (GtkWidgetClass *widget_class);

G_END_DECLS
