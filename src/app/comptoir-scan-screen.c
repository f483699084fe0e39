/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "comptoir-scan-screen.h"

struct _ComptoirScanSounds
{
  GtkMediaStream *streams[COMPTOIR_N_SCAN_SOUNDS];
};

static const char * const sound_resources[] = {
  [COMPTOIR_SCAN_SOUND_OK] = "/org/comptoir/Comptoir/sounds/scan-ok.wav",
  [COMPTOIR_SCAN_SOUND_DONE] = "/org/comptoir/Comptoir/sounds/scan-done.wav",
  [COMPTOIR_SCAN_SOUND_ERROR] = "/org/comptoir/Comptoir/sounds/scan-error.wav",
};

ComptoirScanSounds *
comptoir_scan_sounds_new (void)
{
  return g_new0 (ComptoirScanSounds, 1);
}

void
comptoir_scan_sounds_free (ComptoirScanSounds *sounds)
{
  if (sounds == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (sounds->streams); i++)
    g_clear_object (&sounds->streams[i]);
  g_free (sounds);
}

/* The person looks at the pallet or the shelf, not the screen: every
 * scan is heard, and an error sounds different from a count. Without a
 * sound device the stream just reports an error nobody needs to see.
 * Streams are made on first use, so a screen never scanned on loads
 * none. */
void
comptoir_scan_sounds_play (ComptoirScanSounds *sounds,
                           GtkWidget          *widget,
                           ComptoirScanSound   sound)
{
  g_return_if_fail (sounds != NULL);
  g_return_if_fail (sound < COMPTOIR_N_SCAN_SOUNDS);

  if (sounds->streams[sound] == NULL)
    sounds->streams[sound] = gtk_media_file_new_for_resource (sound_resources[sound]);
  gtk_media_stream_seek (sounds->streams[sound], 0);
  gtk_media_stream_play (sounds->streams[sound]);
  if (sound == COMPTOIR_SCAN_SOUND_ERROR && widget != NULL)
    gtk_widget_error_bell (widget);
}

gboolean
comptoir_scan_split_multiplier (const char  *text,
                                gint64      *times,
                                const char **code)
{
  const char *p = text;
  guint64 n;

  g_return_val_if_fail (text != NULL, FALSE);

  while (g_ascii_isdigit (*p))
    p++;
  /* Up to 9999 at once: more is a barcode, not a count. */
  if (p == text || p - text > 4)
    return FALSE;
  n = g_ascii_strtoull (text, NULL, 10);
  if (*p == '*' || *p == 'x' || *p == 'X')
    p++;
  else if (g_str_has_prefix (p, "×"))
    p += strlen ("×");
  else
    return FALSE;
  if (n == 0 || *p == '\0')
    return FALSE;
  *times = (gint64) n;
  *code = p;
  return TRUE;
}
