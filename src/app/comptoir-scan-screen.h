/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What the screens worked with a scanner only (receiving a delivery,
 * counting the stock) share: a sound on every scan, and counts typed
 * as "12*code". Their big text is the receiving-* classes of style.css. */

typedef enum {
  COMPTOIR_SCAN_SOUND_OK,
  COMPTOIR_SCAN_SOUND_DONE,    /* something is now complete */
  COMPTOIR_SCAN_SOUND_ERROR,
  COMPTOIR_N_SCAN_SOUNDS
} ComptoirScanSound;

typedef struct _ComptoirScanSounds ComptoirScanSounds;

ComptoirScanSounds *comptoir_scan_sounds_new  (void);
void                comptoir_scan_sounds_free (ComptoirScanSounds *sounds);
/* Plays sound; an error also rings widget's bell. */
void                comptoir_scan_sounds_play (ComptoirScanSounds *sounds,
                                               GtkWidget          *widget,
                                               ComptoirScanSound   sound);

/* "12*3017620422003" (or 12x, 12×): times 12 and the code after it.
 * FALSE when text is a code alone. */
gboolean            comptoir_scan_split_multiplier (const char  *text,
                                                    gint64      *times,
                                                    const char **code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ComptoirScanSounds, comptoir_scan_sounds_free)

G_END_DECLS
