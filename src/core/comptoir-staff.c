/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-staff"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <sys/random.h>

#include "comptoir-audit.h"
#include "comptoir-change.h"
#include "comptoir-staff-private.h"

/* PBKDF2-HMAC-SHA256 (RFC 8018) with a random salt per member of staff.
 * The iteration count is stored with each hash, so it can be raised
 * later without invalidating the PINs already set. */
#define PIN_SCHEME     "pbkdf2-sha256"
#define PIN_ITERATIONS 5000
#define SALT_LEN       16
#define HASH_LEN       32

G_DEFINE_ENUM_TYPE (ComptoirStaffRole, comptoir_staff_role,
  G_DEFINE_ENUM_VALUE (COMPTOIR_STAFF_ROLE_CASHIER, "cashier"),
  G_DEFINE_ENUM_VALUE (COMPTOIR_STAFF_ROLE_MANAGER, "manager"))

static const char *role_names[] = { "cashier", "manager" };

const char *
comptoir_staff_role_to_string (ComptoirStaffRole role)
{
  g_return_val_if_fail (role <= COMPTOIR_STAFF_ROLE_MANAGER, "cashier");
  return role_names[role];
}

gboolean
comptoir_staff_role_from_string (const char        *text,
                                 ComptoirStaffRole *out_role)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    if (g_strcmp0 (text, role_names[i]) == 0)
      {
        *out_role = (ComptoirStaffRole) i;
        return TRUE;
      }
  return FALSE;
}

struct _ComptoirStaff
{
  GObject            parent_instance;

  char              *id;
  char              *name;
  ComptoirStaffRole  role;
  gboolean           active;
};

G_DEFINE_FINAL_TYPE (ComptoirStaff, comptoir_staff, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ROLE,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
comptoir_staff_finalize (GObject *object)
{
  ComptoirStaff *self = COMPTOIR_STAFF (object);

  g_free (self->id);
  g_free (self->name);

  G_OBJECT_CLASS (comptoir_staff_parent_class)->finalize (object);
}

static void
comptoir_staff_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ComptoirStaff *self = COMPTOIR_STAFF (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
comptoir_staff_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ComptoirStaff *self = COMPTOIR_STAFF (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_ROLE:
      self->role = g_value_get_enum (value);
      break;
    case PROP_ACTIVE:
      self->active = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
comptoir_staff_class_init (ComptoirStaffClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = comptoir_staff_finalize;
  object_class->get_property = comptoir_staff_get_property;
  object_class->set_property = comptoir_staff_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, COMPTOIR_TYPE_STAFF_ROLE, COMPTOIR_STAFF_ROLE_CASHIER,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
comptoir_staff_init (ComptoirStaff *self)
{
  self->active = TRUE;
}

const char *
comptoir_staff_get_id (ComptoirStaff *self)
{
  g_return_val_if_fail (COMPTOIR_IS_STAFF (self), NULL);
  return self->id;
}

const char *
comptoir_staff_get_name (ComptoirStaff *self)
{
  g_return_val_if_fail (COMPTOIR_IS_STAFF (self), NULL);
  return self->name;
}

ComptoirStaffRole
comptoir_staff_get_role (ComptoirStaff *self)
{
  g_return_val_if_fail (COMPTOIR_IS_STAFF (self), COMPTOIR_STAFF_ROLE_CASHIER);
  return self->role;
}

gboolean
comptoir_staff_get_active (ComptoirStaff *self)
{
  g_return_val_if_fail (COMPTOIR_IS_STAFF (self), FALSE);
  return self->active;
}

/* PINs */

static gboolean
pin_is_valid (const char *pin)
{
  gsize len;

  if (pin == NULL)
    return FALSE;
  len = strlen (pin);
  if (len < 4 || len > 8)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (pin[i]))
      return FALSE;
  return TRUE;
}

static gboolean
check_pin_format (const char  *pin,
                  GError     **error)
{
  if (!pin_is_valid (pin))
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("A PIN is 4 to 8 digits and nothing else: type another one."));
      return FALSE;
    }
  return TRUE;
}

/* One block of PBKDF2: the key is the PIN, so the keyed HMAC is set up
 * once and copied for each iteration. */
static void
pbkdf2_sha256 (const char   *pin,
               const guint8 *salt,
               gsize         salt_len,
               guint         iterations,
               guint8        out[HASH_LEN])
{
  static const guint8 block_index[4] = { 0, 0, 0, 1 };
  g_autoptr (GHmac) keyed = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) pin, strlen (pin));
  guint8 u[HASH_LEN];
  gsize len = HASH_LEN;
  GHmac *hmac = g_hmac_copy (keyed);

  g_hmac_update (hmac, salt, salt_len);
  g_hmac_update (hmac, block_index, sizeof block_index);
  g_hmac_get_digest (hmac, u, &len);
  g_hmac_unref (hmac);
  memcpy (out, u, HASH_LEN);

  for (guint i = 1; i < iterations; i++)
    {
      hmac = g_hmac_copy (keyed);
      g_hmac_update (hmac, u, HASH_LEN);
      len = HASH_LEN;
      g_hmac_get_digest (hmac, u, &len);
      g_hmac_unref (hmac);
      for (guint j = 0; j < HASH_LEN; j++)
        out[j] ^= u[j];
    }
}

static char *
to_hex (const guint8 *bytes,
        gsize         len)
{
  static const char hex[] = "0123456789abcdef";
  char *text = g_malloc (2 * len + 1);

  for (gsize i = 0; i < len; i++)
    {
      text[2 * i] = hex[bytes[i] >> 4];
      text[2 * i + 1] = hex[bytes[i] & 0x0f];
    }
  text[2 * len] = '\0';
  return text;
}

static gboolean
from_hex (const char *text,
          guint8     *out,
          gsize       len)
{
  if (text == NULL || strlen (text) != 2 * len)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      int high = g_ascii_xdigit_value (text[2 * i]);
      int low = g_ascii_xdigit_value (text[2 * i + 1]);

      if (high < 0 || low < 0)
        return FALSE;
      out[i] = (guint8) (high << 4 | low);
    }
  return TRUE;
}

static char *
hash_pin (const char  *pin,
          GError     **error)
{
  guint8 salt[SALT_LEN];
  guint8 hash[HASH_LEN];
  g_autofree char *salt_hex = NULL;
  g_autofree char *hash_hex = NULL;

  /* The kernel's generator: a salt must not be predictable. */
  if (getrandom (salt, sizeof salt, 0) != sizeof salt)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_FAILED,
                           _("The system gave no random numbers to protect the PIN. Try again in a moment."));
      return NULL;
    }
  pbkdf2_sha256 (pin, salt, sizeof salt, PIN_ITERATIONS, hash);
  salt_hex = to_hex (salt, sizeof salt);
  hash_hex = to_hex (hash, sizeof hash);
  return g_strdup_printf (PIN_SCHEME "$%u$%s$%s", PIN_ITERATIONS, salt_hex, hash_hex);
}

/* Whether pin matches a stored hash, in time that does not depend on
 * where the two hashes differ. A missing or unreadable hash matches no PIN. */
static gboolean
pin_matches (const char *stored,
             const char *pin)
{
  g_auto (GStrv) parts = NULL;
  guint8 salt[SALT_LEN];
  guint8 expected[HASH_LEN];
  guint8 actual[HASH_LEN];
  guint64 iterations;
  guint8 diff = 0;

  if (stored == NULL || !pin_is_valid (pin))
    return FALSE;
  parts = g_strsplit (stored, "$", -1);
  if (g_strv_length (parts) != 4 || !g_str_equal (parts[0], PIN_SCHEME) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXUINT32, &iterations, NULL) ||
      !from_hex (parts[2], salt, sizeof salt) || !from_hex (parts[3], expected, sizeof expected))
    return FALSE;

  pbkdf2_sha256 (pin, salt, sizeof salt, (guint) iterations, actual);
  for (guint i = 0; i < HASH_LEN; i++)
    diff |= actual[i] ^ expected[i];
  return diff == 0;
}

/* Reading */

static ComptoirStaff *
staff_from_row (sqlite3_stmt *stmt)
{
  ComptoirStaffRole role = COMPTOIR_STAFF_ROLE_CASHIER;

  comptoir_staff_role_from_string ((const char *) sqlite3_column_text (stmt, 2), &role);
  return g_object_new (COMPTOIR_TYPE_STAFF,
                       "id", (const char *) sqlite3_column_text (stmt, 0),
                       "name", (const char *) sqlite3_column_text (stmt, 1),
                       "role", role,
                       "active", sqlite3_column_int (stmt, 3) != 0,
                       NULL);
}

/* The member of staff and their stored PIN hash; NULL with NOT_FOUND when
 * the id is unknown. */
static ComptoirStaff *
load (ComptoirDb  *db,
      const char  *staff_id,
      char       **out_pin_hash,
      GError     **error)
{
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (db, "SELECT id, name, role, active, pin_hash FROM staff WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, staff_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (out_pin_hash != NULL)
        *out_pin_hash = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      return staff_from_row (stmt);
    }
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                         _("This member of staff is not known on this till: choose a name from the list."));
  else
    comptoir_db_set_error (db, error);
  return NULL;
}

ComptoirStaff *
comptoir_staff_lookup (ComptoirDb  *db,
                       const char  *staff_id,
                       GError     **error)
{
  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);

  return load (db, staff_id, NULL, error);
}

gboolean
_comptoir_staff_check (ComptoirDb  *db,
                       const char  *staff_id,
                       gboolean     need_manager,
                       char       **out_name,
                       GError     **error)
{
  g_autoptr (ComptoirStaff) staff = NULL;
  g_autoptr (GError) local_error = NULL;

  if (staff_id != NULL)
    staff = load (db, staff_id, NULL, &local_error);
  if (local_error != NULL && !g_error_matches (local_error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (need_manager && (staff == NULL || !staff->active || staff->role != COMPTOIR_STAFF_ROLE_MANAGER))
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Only an active manager can approve this: ask a manager to type their PIN."));
      return FALSE;
    }
  if (staff == NULL)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Log in at the till first: this action is signed with your name."));
      return FALSE;
    }
  if (!staff->active)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("%s is no longer active: log in with another name, or ask a manager."),
                   staff->name);
      return FALSE;
    }

  if (out_name != NULL)
    *out_name = g_strdup (staff->name);
  return TRUE;
}

/* Writing */

static char *
clean_name (const char  *name,
            GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (clean[0] == '\0')
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Type the person’s name, as colleagues know them at the till."));
      return NULL;
    }
  return g_steal_pointer (&clean);
}

/* An approval PIN must name one manager: a new PIN may not be the PIN of
 * an active manager, nor, for a manager, of anyone active. */
static gboolean
check_pin_free (ComptoirDb         *db,
                const char         *staff_id,
                ComptoirStaffRole   role,
                const char         *pin,
                GError            **error)
{
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (db, "SELECT pin_hash FROM staff WHERE active = 1 AND pin_hash IS NOT NULL "
                             "AND id IS NOT ?1 AND (role = 'manager' OR ?2)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, staff_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, role == COMPTOIR_STAFF_ROLE_MANAGER);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (pin_matches ((const char *) sqlite3_column_text (stmt, 0), pin))
      {
        g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                             _("This PIN cannot be used: choose another one."));
        return FALSE;
      }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_pin (ComptoirDb         *db,
           const char         *staff_id,
           ComptoirStaffRole   role,
           ComptoirChange     *change,
           const char         *pin,
           GError            **error)
{
  g_autofree char *hash = NULL;

  if (!check_pin_free (db, staff_id, role, pin, error) ||
      (hash = hash_pin (pin, error)) == NULL)
    return FALSE;
  comptoir_change_set_text (change, "pin_hash", hash);
  return comptoir_db_apply_change (db, change, NULL, error);
}

ComptoirStaff *
comptoir_staff_create (ComptoirDb         *db,
                       const char         *name,
                       ComptoirStaffRole   role,
                       const char         *pin,
                       GError            **error)
{
  g_autoptr (ComptoirChange) change = comptoir_change_new ("staff", NULL);
  g_autofree char *clean = NULL;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);
  g_return_val_if_fail (role <= COMPTOIR_STAFF_ROLE_MANAGER, NULL);

  if ((clean = clean_name (name, error)) == NULL || !check_pin_format (pin, error))
    return NULL;

  comptoir_change_set_text (change, "name", clean);
  comptoir_change_set_text (change, "role", role_names[role]);
  comptoir_change_set_bool (change, "active", TRUE);

  if (!comptoir_db_begin (db, error))
    return NULL;
  if (!write_pin (db, NULL, role, change, pin, error))
    {
      comptoir_db_rollback (db);
      return NULL;
    }
  if (!comptoir_db_commit (db, error))
    return NULL;

  return g_object_new (COMPTOIR_TYPE_STAFF,
                       "id", comptoir_change_get_row_id (change),
                       "name", clean,
                       "role", role,
                       "active", TRUE,
                       NULL);
}

gboolean
comptoir_staff_rename (ComptoirDb  *db,
                       const char  *staff_id,
                       const char  *name,
                       GError     **error)
{
  g_autoptr (ComptoirStaff) staff = NULL;
  g_autoptr (ComptoirChange) change = NULL;
  g_autofree char *clean = NULL;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);

  if ((clean = clean_name (name, error)) == NULL ||
      (staff = comptoir_staff_lookup (db, staff_id, error)) == NULL)
    return FALSE;

  change = comptoir_change_new ("staff", staff_id);
  comptoir_change_set_text (change, "name", clean);
  return comptoir_db_apply_change (db, change, NULL, error);
}

static gboolean
count_other_managers (ComptoirDb  *db,
                      const char  *staff_id,
                      gint64      *out_count,
                      GError     **error)
{
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (db, "SELECT count (*) FROM staff WHERE active = 1 AND role = 'manager' "
                             "AND id <> ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, staff_id, -1, SQLITE_STATIC);
  if (!comptoir_db_step_done (db, stmt, error))
    return FALSE;
  *out_count = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
write_deactivation (ComptoirDb  *db,
                    const char  *staff_id,
                    GError     **error)
{
  g_autoptr (ComptoirStaff) staff = comptoir_staff_lookup (db, staff_id, error);
  g_autoptr (ComptoirChange) change = NULL;
  gint64 others = 0;

  if (staff == NULL)
    return FALSE;
  if (staff->active && staff->role == COMPTOIR_STAFF_ROLE_MANAGER)
    {
      if (!count_other_managers (db, staff_id, &others, error))
        return FALSE;
      if (others == 0)
        {
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("%s is the last active manager: make someone else a manager first, "
                         "or no one could approve overrides and refunds."), staff->name);
          return FALSE;
        }
    }

  change = comptoir_change_new ("staff", staff_id);
  comptoir_change_set_bool (change, "active", FALSE);
  return comptoir_db_apply_change (db, change, NULL, error);
}

gboolean
comptoir_staff_deactivate (ComptoirDb  *db,
                           const char  *staff_id,
                           GError     **error)
{
  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);

  if (!comptoir_db_begin (db, error))
    return FALSE;
  if (!write_deactivation (db, staff_id, error))
    {
      comptoir_db_rollback (db);
      return FALSE;
    }
  return comptoir_db_commit (db, error);
}

gboolean
comptoir_staff_set_pin (ComptoirDb  *db,
                        const char  *staff_id,
                        const char  *pin,
                        GError     **error)
{
  g_autoptr (ComptoirStaff) staff = NULL;
  g_autoptr (ComptoirChange) change = NULL;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);

  if (!check_pin_format (pin, error) ||
      (staff = comptoir_staff_lookup (db, staff_id, error)) == NULL)
    return FALSE;

  change = comptoir_change_new ("staff", staff_id);
  if (!comptoir_db_begin (db, error))
    return FALSE;
  if (!write_pin (db, staff_id, staff->role, change, pin, error))
    {
      comptoir_db_rollback (db);
      return FALSE;
    }
  return comptoir_db_commit (db, error);
}

/* Checking PINs */

gboolean
comptoir_staff_verify_pin (ComptoirDb  *db,
                           const char  *staff_id,
                           const char  *pin,
                           GError     **error)
{
  g_autoptr (ComptoirStaff) staff = NULL;
  g_autofree char *stored = NULL;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);

  if ((staff = load (db, staff_id, &stored, error)) == NULL)
    return FALSE;
  if (!staff->active)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("%s is no longer active: ask a manager."), staff->name);
      return FALSE;
    }
  if (!pin_matches (stored, pin))
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Wrong PIN: type it again."));
      return FALSE;
    }
  return TRUE;
}

gboolean
comptoir_staff_log_in (ComptoirDb  *db,
                       const char  *till_id,
                       const char  *staff_id,
                       const char  *pin,
                       GError     **error)
{
  g_autoptr (GError) refused = NULL;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (till_id != NULL, FALSE);

  if (comptoir_staff_verify_pin (db, staff_id, pin, &refused))
    return comptoir_audit_record (db, till_id, COMPTOIR_AUDIT_LOGIN, staff_id, NULL, NULL, NULL, NULL, error);

  /* Only a known member of staff can fail to log in; anything else is an
   * error of the till, not an attempt. */
  if (g_error_matches (refused, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID) &&
      !comptoir_audit_record (db, till_id, COMPTOIR_AUDIT_LOGIN_FAILED, staff_id, NULL, NULL,
                              NULL, NULL, error))
    return FALSE;
  g_propagate_error (error, g_steal_pointer (&refused));
  return FALSE;
}

gboolean
comptoir_staff_log_out (ComptoirDb  *db,
                        const char  *till_id,
                        const char  *staff_id,
                        GError     **error)
{
  g_autoptr (ComptoirStaff) staff = NULL;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (till_id != NULL, FALSE);

  if ((staff = comptoir_staff_lookup (db, staff_id, error)) == NULL)
    return FALSE;
  return comptoir_audit_record (db, till_id, COMPTOIR_AUDIT_LOGOUT, staff_id, NULL, NULL, NULL, NULL, error);
}

static gboolean
find_manager (ComptoirDb  *db,
              const char  *pin,
              char       **out_id,
              GError     **error)
{
  g_autoptr (ComptoirStmt) stmt =
    comptoir_db_prepare (db, "SELECT id, pin_hash FROM staff WHERE active = 1 AND role = 'manager' "
                             "AND pin_hash IS NOT NULL ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  *out_id = NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (pin_matches ((const char *) sqlite3_column_text (stmt, 1), pin))
      {
        *out_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
        return TRUE;
      }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

char *
comptoir_staff_authorize (ComptoirDb  *db,
                          const char  *till_id,
                          const char  *pin,
                          GError     **error)
{
  g_autoptr (JsonObject) details = NULL;
  g_autofree char *manager_id = NULL;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);
  g_return_val_if_fail (till_id != NULL, NULL);

  if (!find_manager (db, pin, &manager_id, error))
    return NULL;
  if (manager_id != NULL)
    return g_steal_pointer (&manager_id);

  /* A wrong approval PIN is a failed login of someone unknown: a run of
   * them at one till is someone guessing. */
  details = json_object_new ();
  json_object_set_boolean_member (details, "approval", TRUE);
  if (!comptoir_audit_record (db, till_id, COMPTOIR_AUDIT_LOGIN_FAILED, NULL, NULL, NULL, NULL, details, error))
    return NULL;
  g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("This is not the PIN of an active manager: ask a manager to type their own PIN."));
  return NULL;
}

GListModel *
comptoir_staff_list_active (ComptoirDb  *db,
                            GError     **error)
{
  g_autoptr (GListStore) store = g_list_store_new (COMPTOIR_TYPE_STAFF);
  g_autoptr (ComptoirStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);

  stmt = comptoir_db_prepare (db, "SELECT id, name, role, active FROM staff WHERE active = 1 "
                                  "ORDER BY sort_key, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (ComptoirStaff) staff = staff_from_row (stmt);
      g_list_store_append (store, staff);
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}
