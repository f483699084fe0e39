/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "comptoir-db.h"

G_BEGIN_DECLS

/* The people who work the tills. Each has a PIN of 4 to 8 digits, kept
 * only as a salted, iterated HMAC-SHA256 (PBKDF2); a manager's PIN also
 * approves price overrides, discounts and refunds at any till. Staff are
 * reference data: they replicate, so a PIN set at one till works at all. */
typedef enum {
  COMPTOIR_STAFF_ROLE_CASHIER,
  COMPTOIR_STAFF_ROLE_MANAGER,
} ComptoirStaffRole;

#define COMPTOIR_TYPE_STAFF_ROLE (comptoir_staff_role_get_type ())
GType comptoir_staff_role_get_type (void);

#define COMPTOIR_TYPE_STAFF (comptoir_staff_get_type ())
G_DECLARE_FINAL_TYPE (ComptoirStaff, comptoir_staff, COMPTOIR, STAFF, GObject)

const char        *comptoir_staff_get_id          (ComptoirStaff      *self);
const char        *comptoir_staff_get_name        (ComptoirStaff      *self);
ComptoirStaffRole  comptoir_staff_get_role        (ComptoirStaff      *self);
gboolean           comptoir_staff_get_active      (ComptoirStaff      *self);

const char        *comptoir_staff_role_to_string  (ComptoirStaffRole   role);
gboolean           comptoir_staff_role_from_string (const char        *text,
                                                    ComptoirStaffRole *out_role);

/* Creates an active member of staff with a PIN, in one transaction. */
ComptoirStaff     *comptoir_staff_create          (ComptoirDb         *db,
                                                   const char         *name,
                                                   ComptoirStaffRole   role,
                                                   const char         *pin,
                                                   GError            **error);
/* Any member of staff, active or not; NOT_FOUND when the id is unknown. */
ComptoirStaff     *comptoir_staff_lookup          (ComptoirDb         *db,
                                                   const char         *staff_id,
                                                   GError            **error);
gboolean           comptoir_staff_rename          (ComptoirDb         *db,
                                                   const char         *staff_id,
                                                   const char         *name,
                                                   GError            **error);
/* Staff are never deleted (the audit log names them); a deactivated
 * member can no longer log in or approve. The last active manager
 * cannot be deactivated. */
gboolean           comptoir_staff_deactivate      (ComptoirDb         *db,
                                                   const char         *staff_id,
                                                   GError            **error);
/* 4 to 8 digits. A PIN that an active manager uses (or, for a manager,
 * that anyone active uses) is refused, so that an approval PIN always
 * names one manager. */
gboolean           comptoir_staff_set_pin         (ComptoirDb         *db,
                                                   const char         *staff_id,
                                                   const char         *pin,
                                                   GError            **error);
/* TRUE when pin is the PIN of this active member of staff. Records
 * nothing; see comptoir_staff_log_in(). */
gboolean           comptoir_staff_verify_pin      (ComptoirDb         *db,
                                                   const char         *staff_id,
                                                   const char         *pin,
                                                   GError            **error);
/* Checks the PIN and records a login, or a failed login, at the till. */
gboolean           comptoir_staff_log_in          (ComptoirDb         *db,
                                                   const char         *till_id,
                                                   const char         *staff_id,
                                                   const char         *pin,
                                                   GError            **error);
gboolean           comptoir_staff_log_out         (ComptoirDb         *db,
                                                   const char         *till_id,
                                                   const char         *staff_id,
                                                   GError            **error);
/* The id of the active manager whose PIN this is, for an approval at the
 * till; NULL with an error otherwise, the failed attempt recorded. */
char              *comptoir_staff_authorize       (ComptoirDb         *db,
                                                   const char         *till_id,
                                                   const char         *pin,
                                                   GError            **error);
/* The active staff sorted by name, as ComptoirStaff, for a login screen. */
GListModel        *comptoir_staff_list_active     (ComptoirDb         *db,
                                                   GError            **error);

G_END_DECLS
