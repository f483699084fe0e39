/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-id"

#include "config.h"

#include <string.h>
#include <sys/random.h>

#include "comptoir-id.h"

G_LOCK_DEFINE_STATIC (uuid7);
static gint64 uuid7_last_ms;
static guint  uuid7_counter;

static void
fill_random (guint8 *buf,
             gsize   len)
{
  gsize done = 0;

  while (done < len)
    {
      gssize n = getrandom (buf + done, len - done, 0);
      if (n < 0)
        {
          /* getrandom only fails before the pool is seeded or on EINTR;
           * GLib's generator is seeded from the same source. */
          for (; done < len; done++)
            buf[done] = (guint8) g_random_int_range (0, 256);
          return;
        }
      done += n;
    }
}

/* Hex by hand: every fact written needs two ids, and printf with sixteen
 * conversions was a tenth of the cost of recording a sale. */
static char *
format_uuid (const guint8 b[16])
{
  static const char hex[] = "0123456789abcdef";
  char *text = g_malloc (37);
  char *p = text;

  for (guint i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        *p++ = '-';
      *p++ = hex[b[i] >> 4];
      *p++ = hex[b[i] & 0x0f];
    }
  *p = '\0';
  return text;
}

char *
comptoir_uuid7_new_at (gint64 unix_ms)
{
  guint8 b[16];
  guint counter;

  fill_random (b, sizeof b);

  G_LOCK (uuid7);
  /* Ids stay increasing when the clock steps back or within one ms. */
  if (unix_ms <= uuid7_last_ms)
    {
      unix_ms = uuid7_last_ms;
      uuid7_counter++;
      if (uuid7_counter > 0xfff)
        {
          unix_ms = ++uuid7_last_ms;
          uuid7_counter = 0;
        }
    }
  else
    {
      uuid7_last_ms = unix_ms;
      /* Start low in the counter space so that it rarely overflows. */
      uuid7_counter = b[6] & 0x7f;
    }
  counter = uuid7_counter;
  G_UNLOCK (uuid7);

  b[0] = (unix_ms >> 40) & 0xff;
  b[1] = (unix_ms >> 32) & 0xff;
  b[2] = (unix_ms >> 24) & 0xff;
  b[3] = (unix_ms >> 16) & 0xff;
  b[4] = (unix_ms >> 8) & 0xff;
  b[5] = unix_ms & 0xff;
  b[6] = 0x70 | ((counter >> 8) & 0x0f);
  b[7] = counter & 0xff;
  b[8] = 0x80 | (b[8] & 0x3f);

  return format_uuid (b);
}

char *
comptoir_uuid7_new (void)
{
  return comptoir_uuid7_new_at (g_get_real_time () / 1000);
}

gboolean
comptoir_uuid7_is_valid (const char *text)
{
  if (text == NULL || !g_uuid_string_is_valid (text))
    return FALSE;
  return text[14] == '7' && strchr ("89ab", g_ascii_tolower (text[19])) != NULL;
}

gint64
comptoir_uuid7_get_unix_ms (const char *text)
{
  gint64 ms = 0;

  g_return_val_if_fail (comptoir_uuid7_is_valid (text), 0);

  for (guint i = 0; i < 13; i++)
    {
      if (text[i] == '-')
        continue;
      ms = (ms << 4) | g_ascii_xdigit_value (text[i]);
    }
  return ms;
}

char *
comptoir_timestamp_now (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

void
comptoir_hlc_init (ComptoirHlc *hlc,
                   gint64       last)
{
  hlc->last = last;
}

gint64
comptoir_hlc_now_at (ComptoirHlc *hlc,
                     gint64       wall_ms)
{
  gint64 physical = COMPTOIR_HLC_PHYSICAL (hlc->last);

  if (wall_ms > physical)
    hlc->last = wall_ms << 16;
  else
    hlc->last++;  /* a full logical counter carries into the physical part */

  return hlc->last;
}

gint64
comptoir_hlc_now (ComptoirHlc *hlc)
{
  return comptoir_hlc_now_at (hlc, g_get_real_time () / 1000);
}

gint64
comptoir_hlc_receive (ComptoirHlc *hlc,
                      gint64       remote,
                      gint64       wall_ms)
{
  gint64 max = MAX (hlc->last, remote);

  if (wall_ms > COMPTOIR_HLC_PHYSICAL (max))
    hlc->last = wall_ms << 16;
  else
    hlc->last = max + 1;

  return hlc->last;
}
