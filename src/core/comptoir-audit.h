/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "comptoir-db.h"
#include "comptoir-sale.h"

G_BEGIN_DECLS

/* The audit log: every sensitive action at a till, with who did it, the
 * manager who approved it, when and why. Its events are facts: appended
 * in the same transaction as the action they record, never changed,
 * replicated like tickets. */
typedef enum {
  COMPTOIR_AUDIT_LINE_VOID,
  COMPTOIR_AUDIT_PRICE_OVERRIDE,
  COMPTOIR_AUDIT_DISCOUNT,
  COMPTOIR_AUDIT_REFUND,
  COMPTOIR_AUDIT_TICKET_CANCEL,
  COMPTOIR_AUDIT_DRAWER_OPEN,
  COMPTOIR_AUDIT_CASH_IN,
  COMPTOIR_AUDIT_CASH_OUT,
  COMPTOIR_AUDIT_CLOSURE,
  COMPTOIR_AUDIT_TRAINING_ON,
  COMPTOIR_AUDIT_TRAINING_OFF,
  COMPTOIR_AUDIT_LOGIN,
  COMPTOIR_AUDIT_LOGOUT,
  COMPTOIR_AUDIT_LOGIN_FAILED,
} ComptoirAuditAction;

typedef struct {
  char                *id;
  char                *at;
  char                *till_id;
  char                *till_code;
  char                *staff_id;            /* NULL: no one logged in */
  char                *staff_name;
  char                *authorized_by;       /* the approving manager, or NULL */
  char                *authorized_by_name;
  ComptoirAuditAction  action;
  char                *subject_id;          /* the ticket, movement or closure concerned */
  char                *reason;
  char                *details;             /* a JSON object */
} ComptoirAuditEvent;

const char *comptoir_audit_action_to_string   (ComptoirAuditAction  action);
gboolean    comptoir_audit_action_from_string (const char          *text,
                                               ComptoirAuditAction *out_action);
/* "Line voided", "Price overridden"…, translated, for a person. */
const char *comptoir_audit_action_get_label   (ComptoirAuditAction  action);

/* Appends an event, inside the caller's transaction when there is one so
 * that the action and its record commit or roll back together. Refused
 * without a reason for the actions that need one (voids, overrides,
 * discounts, refunds, cancels, drawer and cash moves), without an
 * approving manager for overrides, discounts and refunds, and without a
 * member of staff for everything but closures and failed logins.
 * details: extra facts as a JSON object, or NULL. */
gboolean    comptoir_audit_record             (ComptoirDb          *db,
                                               const char          *till_id,
                                               ComptoirAuditAction  action,
                                               const char          *staff_id,
                                               const char          *authorized_by,
                                               const char          *subject_id,
                                               const char          *reason,
                                               JsonObject          *details,
                                               GError             **error);

/* The till's events from from (included) to until (excluded), oldest
 * first; either bound may be NULL. A GPtrArray of ComptoirAuditEvent. */
GPtrArray  *comptoir_audit_list               (ComptoirDb          *db,
                                               const char          *till_id,
                                               GDateTime           *from,
                                               GDateTime           *until,
                                               GError             **error);
void        comptoir_audit_event_free         (ComptoirAuditEvent  *event);

/* Commits sale as a refund of the ticket refund_of and records who made
 * it and the manager who approved it, in one transaction. */
gboolean    comptoir_audit_commit_refund      (ComptoirSale            *sale,
                                               ComptoirDb              *db,
                                               const char              *till_id,
                                               const char              *refund_of,
                                               const char              *staff_id,
                                               const char              *manager_id,
                                               const char              *reason,
                                               ComptoirCommittedTicket *out,
                                               GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ComptoirAuditEvent, comptoir_audit_event_free)

G_END_DECLS
