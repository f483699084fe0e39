/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-scanner"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib-unix.h>
#include <linux/input.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "comptoir-keyboard-scan.h"
#include "comptoir-scanner-evdev.h"

/* Keys of one code come a few milliseconds apart; a longer pause means
 * the scanner stopped half-way (a half-read), and what came before is not
 * a code. */
#define STALE_GAP_US G_USEC_PER_SEC
/* Events read at once; the kernel keeps a few hundred per device. */
#define READ_EVENTS 64

#define LONG_BITS (sizeof (unsigned long) * 8)
#define N_LONGS(bits) (((bits) + LONG_BITS - 1) / LONG_BITS)

/* Modifier keys, one bit each so that releasing one Shift while the
 * other is held keeps the shift. */
static const struct {
  guint16 key;
  guint   bit;
} modifier_keys[] = {
  { KEY_LEFTSHIFT, 1 << 0 }, { KEY_RIGHTSHIFT, 1 << 1 },
  { KEY_LEFTCTRL, 1 << 2 }, { KEY_RIGHTCTRL, 1 << 3 },
  { KEY_LEFTALT, 1 << 4 }, { KEY_RIGHTALT, 1 << 5 },
  { KEY_LEFTMETA, 1 << 6 }, { KEY_RIGHTMETA, 1 << 7 },
};
#define HELD_SHIFT 0x03
#define HELD_CONTROL 0x0c
/* Alt and Super: a scanner in "Alt + keypad" mode, which this reader
 * does not decode. */
#define HELD_OTHER 0xf0

enum {
  CODE,
  DISCONNECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

struct _ComptoirScannerEvdev
{
  GObject   parent_instance;

  char     *path;
  int       fd;
  gboolean  grabbed;
  GSource  *source;

  GString  *code;
  gint64    last_key_us;
  guint     held;            /* modifier_keys bits of the keys down */
  gboolean  damaged;         /* keys lost or untypable: drop the code at the next Enter */
  gboolean  skip_to_report;  /* events were dropped: ignore up to the next SYN_REPORT */

  /* The start of an event a read cut short. */
  guint8    partial[sizeof (struct input_event)];
  gsize     partial_len;
};

G_DEFINE_FINAL_TYPE (ComptoirScannerEvdev, comptoir_scanner_evdev, G_TYPE_OBJECT)

static void
release_device (ComptoirScannerEvdev *self)
{
  if (self->source != NULL)
    {
      g_source_destroy (self->source);
      g_clear_pointer (&self->source, g_source_unref);
    }
  if (self->fd >= 0)
    {
      /* Gives the scanner's keys back to the desktop. */
      if (self->grabbed)
        ioctl (self->fd, EVIOCGRAB, 0);
      close (self->fd);
      self->fd = -1;
      self->grabbed = FALSE;
    }
}

static void
comptoir_scanner_evdev_dispose (GObject *object)
{
  release_device (COMPTOIR_SCANNER_EVDEV (object));

  G_OBJECT_CLASS (comptoir_scanner_evdev_parent_class)->dispose (object);
}

static void
comptoir_scanner_evdev_finalize (GObject *object)
{
  ComptoirScannerEvdev *self = COMPTOIR_SCANNER_EVDEV (object);

  g_free (self->path);
  g_string_free (self->code, TRUE);

  G_OBJECT_CLASS (comptoir_scanner_evdev_parent_class)->finalize (object);
}

static void
comptoir_scanner_evdev_class_init (ComptoirScannerEvdevClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = comptoir_scanner_evdev_dispose;
  object_class->finalize = comptoir_scanner_evdev_finalize;

  signals[CODE] = g_signal_new ("code", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[DISCONNECTED] = g_signal_new ("disconnected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
comptoir_scanner_evdev_init (ComptoirScannerEvdev *self)
{
  self->fd = -1;
  self->code = g_string_new (NULL);
}

static void
set_open_error (GError     **error,
                int          errsv,
                const char  *path)
{
  switch (errsv)
    {
    case ENOENT:
    case ENOTDIR:
      g_set_error (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_NOT_FOUND,
                   _("There is no barcode scanner at %s. Check that the scanner is plugged in and that "
                     "the path is right: the scanner’s entry in /dev/input/by-id ends in “-event-kbd”."),
                   path);
      break;
    case EACCES:
    case EPERM:
      g_set_error (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_PERMISSION,
                   _("Comptoir may not read the barcode scanner at %s. Add the till’s user to the “input” "
                     "group and log in again, or add a udev rule that gives it the scanner."), path);
      break;
    case ENODEV:
    case ENXIO:
      g_set_error (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_DISCONNECTED,
                   _("Nothing answers at %s. Check that the barcode scanner is plugged in."), path);
      break;
    default:
      g_set_error (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_FAILED,
                   _("Could not open the barcode scanner at %s (%s). Check that the scanner is plugged in."),
                   path, g_strerror (errsv));
      break;
    }
}

static gboolean
has_bit (const unsigned long *bits,
         guint                bit)
{
  return (bits[bit / LONG_BITS] >> (bit % LONG_BITS)) & 1;
}

/* A scanner is a keyboard: it has keys, and Enter among them. Mice
 * (buttons, no Enter), touchpads and accelerometers are refused, and so
 * is anything that is no input device at all. */
static gboolean
check_is_keyboard (int          fd,
                   const char  *path,
                   GError     **error)
{
  unsigned long types[N_LONGS (EV_MAX + 1)] = { 0 };
  unsigned long keys[N_LONGS (KEY_MAX + 1)] = { 0 };

  if (ioctl (fd, EVIOCGBIT (0, sizeof types), types) >= 0 && has_bit (types, EV_KEY) &&
      ioctl (fd, EVIOCGBIT (EV_KEY, sizeof keys), keys) >= 0 &&
      (has_bit (keys, KEY_ENTER) || has_bit (keys, KEY_KPENTER)))
    return TRUE;

  g_set_error (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_INVALID,
               _("%s is neither a barcode scanner nor a keyboard. Choose the scanner’s entry in "
                 "/dev/input/by-id, the one whose name ends in “-event-kbd”."), path);
  return FALSE;
}

static guint
modifier_bit (guint16 key)
{
  for (guint i = 0; i < G_N_ELEMENTS (modifier_keys); i++)
    if (modifier_keys[i].key == key)
      return modifier_keys[i].bit;
  return 0;
}

/* After lost events the releases of modifiers may be among them: ask the
 * kernel which keys are down now. */
static void
resync_modifiers (ComptoirScannerEvdev *self)
{
  unsigned long keys[N_LONGS (KEY_MAX + 1)] = { 0 };

  self->held = 0;
  if (ioctl (self->fd, EVIOCGKEY (sizeof keys), keys) < 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (modifier_keys); i++)
    if (has_bit (keys, modifier_keys[i].key))
      self->held |= modifier_keys[i].bit;
}

static void
drop_code (ComptoirScannerEvdev *self)
{
  g_string_truncate (self->code, 0);
  self->damaged = FALSE;
}

static void
handle_key (ComptoirScannerEvdev     *self,
            const struct input_event *event)
{
  gint64 time_us = (gint64) event->input_event_sec * G_USEC_PER_SEC + event->input_event_usec;
  guint bit = modifier_bit (event->code);
  ComptoirKeyModifiers modifiers = 0;
  gunichar c;

  if (bit != 0)
    {
      if (event->value == 1)
        self->held |= bit;
      else if (event->value == 0)
        self->held &= ~bit;
      return;
    }
  /* Releases, and auto-repeat of a key held down, type nothing. */
  if (event->value != 1)
    return;

  if ((self->code->len > 0 || self->damaged) && time_us - self->last_key_us > STALE_GAP_US)
    drop_code (self);
  self->last_key_us = time_us;

  if (event->code == KEY_ENTER || event->code == KEY_KPENTER)
    {
      g_autofree char *code = NULL;

      if (!self->damaged && self->code->len > 0)
        code = g_strdup (self->code->str);
      drop_code (self);
      if (code != NULL)
        g_signal_emit (self, signals[CODE], 0, code);
      return;
    }
  if (event->code == KEY_CAPSLOCK || event->code == KEY_NUMLOCK || event->code == KEY_SCROLLLOCK)
    return;

  if (self->held & HELD_SHIFT)
    modifiers |= COMPTOIR_KEY_SHIFT;
  if (self->held & HELD_CONTROL)
    modifiers |= COMPTOIR_KEY_CONTROL;
  c = (self->held & HELD_OTHER) ? 0 : comptoir_keyboard_scan_decode (event->code, modifiers);
  /* A key a US keyboard types nothing with: the code would come out
   * wrong without it. */
  if (c == 0)
    self->damaged = TRUE;
  else
    g_string_append_unichar (self->code, c);
}

static void
handle_event (ComptoirScannerEvdev     *self,
              const struct input_event *event)
{
  if (event->type == EV_SYN && event->code == SYN_DROPPED)
    {
      /* The kernel's queue overflowed (the main loop was busy): the code
       * being read lost keys. */
      g_message ("Events from the barcode scanner at %s were lost; the code being read is dropped", self->path);
      self->skip_to_report = TRUE;
      self->damaged = TRUE;
    }
  else if (event->type == EV_SYN && event->code == SYN_REPORT && self->skip_to_report)
    {
      self->skip_to_report = FALSE;
      resync_modifiers (self);
    }
  else if (event->type == EV_KEY && !self->skip_to_report)
    handle_key (self, event);
}

static void
device_lost (ComptoirScannerEvdev *self,
             int                   errsv)
{
  g_autoptr (GError) error = NULL;

  if (errsv == ENODEV)
    error = g_error_new (COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_DISCONNECTED,
                         _("The barcode scanner at %s was unplugged. Plug it back in; until it works again, "
                           "type the codes by hand."), self->path);
  else
    error = g_error_new (COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_FAILED,
                         _("The barcode scanner at %s stopped working (%s). Unplug it and plug it back in; "
                           "until it works again, type the codes by hand."), self->path, g_strerror (errsv));

  /* An unplugged device cannot be ungrabbed. */
  self->grabbed = FALSE;
  release_device (self);
  g_signal_emit (self, signals[DISCONNECTED], 0, error);
}

static gboolean
on_readable (int           fd,
             GIOCondition  condition,
             gpointer      user_data)
{
  /* A handler may drop the last reference to the scanner. */
  g_autoptr (ComptoirScannerEvdev) self = g_object_ref (user_data);
  union {
    struct input_event events[READ_EVENTS];
    guint8             bytes[READ_EVENTS * sizeof (struct input_event)];
  } buffer;
  gssize n;
  gsize total, count;

  memcpy (buffer.bytes, self->partial, self->partial_len);
  n = read (fd, buffer.bytes + self->partial_len, sizeof buffer.bytes - self->partial_len);
  if (n < 0 && (errno == EAGAIN || errno == EINTR))
    return G_SOURCE_CONTINUE;
  if (n <= 0)
    {
      /* evdev says ENODEV once the device is gone; it never ends a
       * stream otherwise. */
      device_lost (self, n == 0 ? ENODEV : errno);
      return G_SOURCE_REMOVE;
    }

  /* evdev hands out whole events; other character devices (a terminal
   * standing in for one) may cut them. */
  total = self->partial_len + (gsize) n;
  count = total / sizeof (struct input_event);
  self->partial_len = total % sizeof (struct input_event);
  memcpy (self->partial, buffer.bytes + count * sizeof (struct input_event), self->partial_len);

  /* Stop if a "code" handler disposed of the scanner. */
  for (gsize i = 0; i < count && self->fd >= 0; i++)
    handle_event (self, &buffer.events[i]);
  return G_SOURCE_CONTINUE;
}

ComptoirScannerEvdev *
comptoir_scanner_evdev_open (const char  *path,
                             GError     **error)
{
  g_autoptr (ComptoirScannerEvdev) self = NULL;
  g_autoptr (GMainContext) context = NULL;
  int clock = CLOCK_MONOTONIC;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* O_NOCTTY: a path that points at a terminal by mistake must not
   * become the till's controlling terminal. */
  do
    fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  while (fd < 0 && errno == EINTR);
  if (fd < 0)
    {
      set_open_error (error, errno, path);
      return NULL;
    }

  self = g_object_new (COMPTOIR_TYPE_SCANNER_EVDEV, NULL);
  self->fd = fd;
  self->path = g_strdup (path);

  if (!check_is_keyboard (fd, path, error))
    return NULL;

  if (ioctl (fd, EVIOCGRAB, 1) < 0)
    {
      int errsv = errno;

      if (errsv == EBUSY)
        g_set_error (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_BUSY,
                     _("Another program already holds the barcode scanner at %s. Close it (it may be a "
                       "second copy of Comptoir), then try again."), path);
      else
        set_open_error (error, errsv, path);
      return NULL;
    }
  self->grabbed = TRUE;

  /* Key times from the monotonic clock, so that setting the clock does
   * not look like a pause in the middle of a code; if the kernel refuses,
   * wall-clock times serve all the same. */
  ioctl (fd, EVIOCSCLOCKID, &clock);

  context = g_main_context_ref_thread_default ();
  self->source = g_unix_fd_source_new (fd, G_IO_IN | G_IO_HUP | G_IO_ERR);
  g_source_set_callback (self->source, G_SOURCE_FUNC (on_readable), self, NULL);
  g_source_set_static_name (self->source, "ComptoirScannerEvdev");
  g_source_attach (self->source, context);

  return g_steal_pointer (&self);
}

const char *
comptoir_scanner_evdev_get_path (ComptoirScannerEvdev *self)
{
  g_return_val_if_fail (COMPTOIR_IS_SCANNER_EVDEV (self), NULL);

  return self->path;
}
