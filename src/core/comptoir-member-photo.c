/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-member-photo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "comptoir-change.h"
#include "comptoir-member-record-private.h"

/* The member's photo, which the till shows to recognise them. It is
 * reference data like the rest of the record, carried as base64 text
 * by the write API and the change log (schema 0014), so it is checked
 * before it is written: a picture the till can show, small enough not
 * to weigh on every machine's replication. */

#define MAX_PHOTO_BYTES (512 * 1024)

static const char *
photo_mime (GBytes *photo)
{
  static const guchar jpeg[] = { 0xff, 0xd8, 0xff };
  static const guchar png[] = { 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a };
  gsize size;
  const guchar *data = g_bytes_get_data (photo, &size);

  if (size >= sizeof jpeg && memcmp (data, jpeg, sizeof jpeg) == 0)
    return "image/jpeg";
  if (size >= sizeof png && memcmp (data, png, sizeof png) == 0)
    return "image/png";
  return NULL;
}

typedef struct {
  const char *member_id;
  GBytes     *photo;
} SetPhoto;

static gboolean
set_photo (ComptoirDb  *db,
           gpointer     user_data,
           GError     **error)
{
  const SetPhoto *op = user_data;
  g_autoptr (ComptoirChange) change = NULL;
  g_autofree char *base64 = NULL;
  ComptoirMemberState state;

  if (!_comptoir_member_get_state (db, op->member_id, &state, error) ||
      !_comptoir_member_check_not_anonymised (&state, error))
    return FALSE;

  change = comptoir_change_new ("member_photo", op->member_id);
  if (op->photo == NULL)
    {
      comptoir_change_set_null (change, "mime");
      comptoir_change_set_null (change, "data");
    }
  else
    {
      gsize size;
      const guchar *data = g_bytes_get_data (op->photo, &size);

      base64 = g_base64_encode (data, size);
      comptoir_change_set_text (change, "mime", photo_mime (op->photo));
      comptoir_change_set_text (change, "data", base64);
    }
  return comptoir_db_apply_change (db, change, NULL, error);
}

gboolean
comptoir_member_set_photo (ComptoirDb  *db,
                           const char  *member_id,
                           GBytes      *photo,
                           GError     **error)
{
  SetPhoto op = { member_id, photo };

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (member_id != NULL, FALSE);

  /* Checked before anything is written: the bytes are what a camera or a
   * file chooser gave, and the till must be able to show them. */
  if (photo != NULL && photo_mime (photo) == NULL)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("This file is not a JPEG or PNG picture. Take the photo again, or save it "
                             "as JPEG or PNG."));
      return FALSE;
    }
  if (photo != NULL && g_bytes_get_size (photo) > MAX_PHOTO_BYTES)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("This photo is %zu KiB: a member’s photo may be %d KiB at most. Make it smaller "
                     "(a few hundred pixels wide is enough) and try again."),
                   g_bytes_get_size (photo) / 1024, MAX_PHOTO_BYTES / 1024);
      return FALSE;
    }
  return comptoir_db_transaction (db, set_photo, &op, error);
}

/* NULL with NOT_FOUND when the member has no photo. */
GBytes *
comptoir_member_get_photo (ComptoirDb  *db,
                           const char  *member_id,
                           GError     **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;
  guchar *data;
  gsize size;
  int rc;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);
  g_return_val_if_fail (member_id != NULL, NULL);

  stmt = comptoir_db_prepare (db, "SELECT data FROM member_photo WHERE id = ?1 AND data IS NOT NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, member_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                           _("This member has no photo yet."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      comptoir_db_set_error (db, error);
      return NULL;
    }
  data = g_base64_decode ((const char *) sqlite3_column_text (stmt, 0), &size);
  return g_bytes_new_take (data, size);
}
