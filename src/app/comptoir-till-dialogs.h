/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "comptoir-core.h"

G_BEGIN_DECLS

/* The small questions the till asks: each dialog is modal on the till's
 * window and calls back only when the person confirms. */

typedef void (*ComptoirWeightFunc)    (gpointer                 user_data,
                                       gint64                   grams);
typedef void (*ComptoirTextFunc)      (gpointer                 user_data,
                                       const char              *text);
typedef void (*ComptoirCashCountFunc) (gpointer                 user_data,
                                       const ComptoirCashCount *count);

/* "Weight of Pommes Gala": grams or kilograms, checked before calling. */
void comptoir_till_ask_weight     (GtkWidget             *parent,
                                   ComptoirProduct       *product,
                                   ComptoirWeightFunc     callback,
                                   gpointer               user_data);
/* A reason that cannot be left empty (voids, cash in and out). */
void comptoir_till_ask_reason     (GtkWidget             *parent,
                                   const char            *heading,
                                   const char            *body,
                                   const char            *confirm_label,
                                   ComptoirTextFunc       callback,
                                   gpointer               user_data);
/* A few fields in one dialog (a new price, a reason, a manager's PIN);
 * the confirm button waits until every field is filled. values holds
 * the stripped texts in the order of labels. */
typedef void (*ComptoirFormFunc)      (gpointer                 user_data,
                                       const char * const      *values);
typedef struct {
  const char *label;    /* marked with N_(): translated when shown */
  gboolean    secret;   /* a PIN: dots, digits */
} ComptoirFormField;

void comptoir_till_ask_form       (GtkWidget               *parent,
                                   const char              *heading,
                                   const char              *body,
                                   const char              *confirm_label,
                                   const ComptoirFormField *fields,
                                   guint                    n_fields,
                                   ComptoirFormFunc         callback,
                                   gpointer                 user_data);
/* Read-only text in a fixed-width font, such as a Z report. */
void comptoir_till_show_report    (GtkWidget               *parent,
                                   const char              *heading,
                                   const char              *report);

/* The drawer counted note by note and coin by coin. */
void comptoir_till_ask_cash_count (GtkWidget             *parent,
                                   const char            *heading,
                                   const char            *body,
                                   const char            *confirm_label,
                                   ComptoirCashCountFunc  callback,
                                   gpointer               user_data);

G_END_DECLS
