/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <linux/capability.h>
#include <linux/input.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <umockdev.h>
#include <unistd.h>

#include "comptoir-scanner-evdev.h"

/* The dedicated scanner device against an emulated one. umockdev builds
 * the sysfs of a USB barcode scanner (an input device and its event
 * node, with the /dev/input/by-id link a shop configures) and backs the
 * event node with a terminal: what the test writes on the other end is
 * what the kernel's evdev driver would hand out, struct input_event
 * records. The handler below plays the evdev ioctls from the same
 * capability bitmaps sysfs shows (EVIOCGBIT, EVIOCGKEY), records grabs
 * and the clock asked for, and can make reads fail the way evdev does
 * once the device is unplugged (ENODEV). Runs under umockdev-wrapper
 * (see meson.build). */

#define SCANNER_DEVPATH "/devices/pci0000:00/0000:00:14.0/usb1/1-3/1-3:1.0/0003:05F9:2206.0001/input/input7"
#define SCANNER_INPUT "/sys" SCANNER_DEVPATH
#define SCANNER_EVENT SCANNER_INPUT "/event7"
#define SCANNER_NODE "/dev/input/event7"
#define SCANNER_PATH "/dev/input/by-id/usb-Datalogic_Scanner-event-kbd"

/* As udev and the kernel describe a Datalogic scanner in keyboard mode:
 * EV_SYN, EV_KEY, EV_MSC, EV_LED and EV_REP, and a full keyboard's keys. */
static const char scanner_description[] =
  "P: " SCANNER_DEVPATH "\n"
  "E: SUBSYSTEM=input\n"
  "E: PRODUCT=3/5f9/2206/110\n"
  "E: NAME=\"Datalogic Scanner\"\n"
  "E: ID_INPUT=1\n"
  "E: ID_INPUT_KEY=1\n"
  "E: ID_INPUT_KEYBOARD=1\n"
  "A: name=Datalogic Scanner\n"
  "A: capabilities/ev=120013\n"
  "A: capabilities/key=1000000000007 ff9f207ac14057ff febeffdfffefffff fffffffffffffffe\n"
  "A: capabilities/msc=10\n"
  "A: capabilities/led=7\n"
  "\n"
  "P: " SCANNER_DEVPATH "/event7\n"
  "N: input/event7\n"
  "S: input/by-id/usb-Datalogic_Scanner-event-kbd\n"
  "E: SUBSYSTEM=input\n"
  "E: DEVNAME=/dev/input/event7\n"
  "E: ID_INPUT=1\n"
  "E: ID_INPUT_KEY=1\n"
  "E: ID_INPUT_KEYBOARD=1\n"
  "E: ID_SERIAL=Datalogic_Scanner\n"
  "A: dev=13:71\n";

/* A mouse: keys (its buttons) but no Enter. */
static const char mouse_description[] =
  "P: /devices/virtual/input/input8\n"
  "E: SUBSYSTEM=input\n"
  "E: ID_INPUT=1\n"
  "E: ID_INPUT_MOUSE=1\n"
  "A: name=USB Optical Mouse\n"
  "A: capabilities/ev=17\n"
  "A: capabilities/key=1f0000 0 0 0 0\n"
  "A: capabilities/rel=1943\n"
  "\n"
  "P: /devices/virtual/input/input8/event8\n"
  "N: input/event8\n"
  "E: SUBSYSTEM=input\n"
  "E: DEVNAME=/dev/input/event8\n"
  "A: dev=13:72\n";

/* An accelerometer: no keys at all. */
static const char accelerometer_description[] =
  "P: /devices/virtual/input/input9\n"
  "E: SUBSYSTEM=input\n"
  "E: ID_INPUT=1\n"
  "E: ID_INPUT_ACCELEROMETER=1\n"
  "A: name=Accelerometer\n"
  "A: capabilities/ev=9\n"
  "A: capabilities/abs=7\n"
  "\n"
  "P: /devices/virtual/input/input9/event9\n"
  "N: input/event9\n"
  "E: SUBSYSTEM=input\n"
  "E: DEVNAME=/dev/input/event9\n"
  "A: dev=13:73\n";

#define LONG_BITS (sizeof (unsigned long) * 8)
#define N_LONGS(bits) (((bits) + LONG_BITS - 1) / LONG_BITS)

/* The kernel side of one emulated evdev node. */
typedef struct {
  GMutex             lock;
  UMockdevIoctlBase *handler;
  GString           *log;
  unsigned long      types[N_LONGS (EV_MAX + 1)];
  unsigned long      keys[N_LONGS (KEY_MAX + 1)];
  unsigned long      down[N_LONGS (KEY_MAX + 1)];  /* keys held, for EVIOCGKEY */
  int                grab_errno;                    /* 0, or what EVIOCGRAB fails with */
  int                read_errno;                    /* 0, or what every read fails with */
  guint              n_reads;
  guint             *n_closed;                      /* how many file descriptions were closed */
} MockInput;

static void
mock_log (MockInput  *mock,
          const char *text)
{
  if (mock->log->len > 0)
    g_string_append (mock->log, "; ");
  g_string_append (mock->log, text);
}

static char *
mock_dup_log (MockInput *mock)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&mock->lock);

  return g_strdup (mock->log->str);
}

/* Sysfs prints a capability bitmap as hexadecimal longs, the most
 * significant first. */
static void
read_bitmap (const char    *input_sysfs,
             const char    *name,
             unsigned long *bits,
             gsize          n_longs)
{
  g_autofree char *path = g_build_filename (input_sysfs, "capabilities", name, NULL);
  g_autofree char *text = NULL;
  g_auto (GStrv) words = NULL;
  guint n;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return;
  words = g_strsplit (g_strstrip (text), " ", -1);
  n = g_strv_length (words);
  g_assert_cmpuint (n, <=, n_longs);
  for (guint i = 0; i < n; i++)
    bits[i] = g_ascii_strtoull (words[n - 1 - i], NULL, 16);
}

static void
copy_bitmap (UMockdevIoctlClient *client,
             const unsigned long *bits,
             gsize                bits_size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (UMockdevIoctlData) data = NULL;
  gsize size = MIN (_IOC_SIZE (umockdev_ioctl_client_get_request (client)), bits_size);

  data = umockdev_ioctl_data_resolve (umockdev_ioctl_client_get_arg (client), 0, size, &error);
  g_assert_no_error (error);
  memcpy (data->data, bits, size);
  umockdev_ioctl_client_complete (client, (glong) size, 0);
}

static gboolean
handle_ioctl (UMockdevIoctlBase   *handler,
              UMockdevIoctlClient *client,
              gpointer             user_data)
{
  MockInput *mock = user_data;
  gulong request = umockdev_ioctl_client_get_request (client);
  gulong value = *(gulong *) umockdev_ioctl_client_get_arg (client)->data;
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&mock->lock);

  if (request == EVIOCGBIT (0, _IOC_SIZE (request)))
    {
      mock_log (mock, "EVIOCGBIT types");
      copy_bitmap (client, mock->types, sizeof mock->types);
    }
  else if (request == EVIOCGBIT (EV_KEY, _IOC_SIZE (request)))
    {
      mock_log (mock, "EVIOCGBIT keys");
      copy_bitmap (client, mock->keys, sizeof mock->keys);
    }
  else if (request == EVIOCGKEY (_IOC_SIZE (request)))
    {
      mock_log (mock, "EVIOCGKEY");
      copy_bitmap (client, mock->down, sizeof mock->down);
    }
  else if (request == EVIOCGRAB && value != 0 && mock->grab_errno != 0)
    {
      mock_log (mock, "grab refused");
      umockdev_ioctl_client_complete (client, -1, mock->grab_errno);
    }
  else if (request == EVIOCGRAB)
    {
      mock_log (mock, value != 0 ? "grab" : "ungrab");
      umockdev_ioctl_client_complete (client, 0, 0);
    }
  else if (request == EVIOCSCLOCKID)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (UMockdevIoctlData) data =
        umockdev_ioctl_data_resolve (umockdev_ioctl_client_get_arg (client), 0, sizeof (int), &error);

      g_assert_no_error (error);
      mock_log (mock, *(int *) data->data == CLOCK_MONOTONIC ? "monotonic clock" : "other clock");
      umockdev_ioctl_client_complete (client, 0, 0);
    }
  else
    {
      g_autofree char *text = g_strdup_printf ("unexpected ioctl 0x%lx", request);

      mock_log (mock, text);
      umockdev_ioctl_client_complete (client, -1, ENOTTY);
    }
  return TRUE;
}

/* Reads go to the terminal (FALSE: umockdev lets the real read happen)
 * unless the device is to look gone. */
static gboolean
handle_read (UMockdevIoctlBase   *handler,
             UMockdevIoctlClient *client,
             gpointer             user_data)
{
  MockInput *mock = user_data;
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&mock->lock);

  mock->n_reads++;
  if (mock->read_errno == 0)
    return FALSE;
  umockdev_ioctl_client_complete (client, -1, mock->read_errno);
  return TRUE;
}

/* umockdev drops its client for an open file description once that is
 * closed, on its own thread and a moment later: maybe after the test. */
static void
on_client_gone (gpointer  user_data,
                GObject  *where_the_client_was)
{
  guint *n_closed = user_data;

  g_atomic_int_inc (n_closed);
  g_atomic_rc_box_release (n_closed);
}

static void
on_client_connected (UMockdevIoctlBase   *handler,
                     UMockdevIoctlClient *client,
                     gpointer             user_data)
{
  MockInput *mock = user_data;

  g_object_weak_ref (G_OBJECT (client), on_client_gone, g_atomic_rc_box_acquire (mock->n_closed));
}

static void
mock_wait_closed (MockInput *mock,
                  guint      n_closed)
{
  gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while ((guint) g_atomic_int_get (mock->n_closed) < n_closed && g_get_monotonic_time () < until)
    g_usleep (1000);
  g_assert_cmpuint (g_atomic_int_get (mock->n_closed), ==, n_closed);
}

static MockInput *
mock_input_new (UMockdevTestbed *testbed,
                const char      *description,
                const char      *input_sysfs,
                const char      *path)
{
  g_autoptr (GError) error = NULL;
  MockInput *mock = g_new0 (MockInput, 1);

  g_assert_true (umockdev_testbed_add_from_string (testbed, description, &error));
  g_assert_no_error (error);

  g_mutex_init (&mock->lock);
  mock->log = g_string_new (NULL);
  mock->n_closed = g_atomic_rc_box_new0 (guint);
  read_bitmap (input_sysfs, "ev", mock->types, G_N_ELEMENTS (mock->types));
  read_bitmap (input_sysfs, "key", mock->keys, G_N_ELEMENTS (mock->keys));

  mock->handler = umockdev_ioctl_base_new ();
  g_signal_connect (mock->handler, "handle-ioctl", G_CALLBACK (handle_ioctl), mock);
  g_signal_connect (mock->handler, "handle-read", G_CALLBACK (handle_read), mock);
  g_signal_connect (mock->handler, "client-connected", G_CALLBACK (on_client_connected), mock);
  g_assert_true (umockdev_testbed_attach_ioctl (testbed, path, mock->handler, &error));
  g_assert_no_error (error);
  return mock;
}

static void
mock_input_free (MockInput       *mock,
                 UMockdevTestbed *testbed,
                 const char      *path)
{
  umockdev_testbed_detach_ioctl (testbed, path, NULL);
  g_signal_handlers_disconnect_by_data (mock->handler, mock);
  g_object_unref (mock->handler);
  g_string_free (mock->log, TRUE);
  g_atomic_rc_box_release (mock->n_closed);
  g_mutex_clear (&mock->lock);
  g_free (mock);
}

/* Key events as a scanner sends them: each press and release with its
 * scan code and a SYN_REPORT, a millisecond apart. */
typedef struct {
  GArray *events;
  gint64  time_us;
} Keys;

static void
keys_init (Keys *k)
{
  k->events = g_array_new (FALSE, TRUE, sizeof (struct input_event));
  k->time_us = 1000 * G_USEC_PER_SEC;
}

static void
keys_clear (Keys *k)
{
  g_array_unref (k->events);
}

static void
keys_event (Keys    *k,
            guint16  type,
            guint16  code,
            gint32   value)
{
  struct input_event event = { .type = type, .code = code, .value = value };

  event.input_event_sec = k->time_us / G_USEC_PER_SEC;
  event.input_event_usec = k->time_us % G_USEC_PER_SEC;
  g_array_append_val (k->events, event);
}

static void
keys_key (Keys    *k,
          guint16  code,
          gint32   value)
{
  keys_event (k, EV_MSC, MSC_SCAN, 0x70000 + code);
  keys_event (k, EV_KEY, code, value);
  keys_event (k, EV_SYN, SYN_REPORT, 0);
  k->time_us += 1000;
}

static void
keys_tap (Keys    *k,
          guint16  code)
{
  keys_key (k, code, 1);
  keys_key (k, code, 0);
}

/* The keys a US keyboard types text with, as a scanner presses them;
 * 0x1D (the GS1 group separator) is Ctrl+]. */
static void
keys_type (Keys       *k,
           const char *text)
{
  static const char *const rows[] = { "1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm" };
  static const guint16 row_start[] = { KEY_1, KEY_Q, KEY_A, KEY_Z };

  for (const char *p = text; *p != '\0'; p++)
    {
      char lower = g_ascii_tolower (*p);
      gboolean shift = g_ascii_isupper (*p);
      guint16 code = 0;

      if (*p == '\x1d')
        {
          keys_key (k, KEY_LEFTCTRL, 1);
          keys_tap (k, KEY_RIGHTBRACE);
          keys_key (k, KEY_LEFTCTRL, 0);
          continue;
        }
      for (guint r = 0; r < G_N_ELEMENTS (rows) && code == 0; r++)
        if (strchr (rows[r], lower) != NULL)
          code = row_start[r] + (strchr (rows[r], lower) - rows[r]);
      if (*p == '\n')
        code = KEY_ENTER;
      else if (*p == '-')
        code = KEY_MINUS;
      g_assert_cmpuint (code, !=, 0);

      if (shift)
        keys_key (k, KEY_LEFTSHIFT, 1);
      keys_tap (k, code);
      if (shift)
        keys_key (k, KEY_LEFTSHIFT, 0);
    }
}

typedef struct {
  UMockdevTestbed *testbed;
  MockInput       *scanner;
  GMainContext    *context;    /* the thread-default one while the test runs */
  int              terminal;   /* the other end of the scanner's node */
  GPtrArray       *codes;
  guint            n_disconnected;
  GError          *disconnect_error;
  gboolean         timed_out;
} ScanFixture;

static void
scan_set_up (ScanFixture   *s,
             gconstpointer  data)
{
  s->testbed = umockdev_testbed_new ();
  s->scanner = mock_input_new (s->testbed, scanner_description, SCANNER_INPUT, SCANNER_PATH);
  s->terminal = umockdev_testbed_get_dev_fd (s->testbed, SCANNER_NODE);
  g_assert_cmpint (s->terminal, >=, 0);
  s->codes = g_ptr_array_new_with_free_func (g_free);

  /* Signals must come from the context of the thread that opened the
   * scanner, which need not be the global default one. */
  s->context = g_main_context_new ();
  g_main_context_push_thread_default (s->context);
}

static void
scan_tear_down (ScanFixture   *s,
                gconstpointer  data)
{
  g_main_context_pop_thread_default (s->context);
  g_main_context_unref (s->context);
  g_clear_error (&s->disconnect_error);
  g_ptr_array_unref (s->codes);
  mock_input_free (s->scanner, s->testbed, SCANNER_PATH);
  g_clear_object (&s->testbed);
}

static void
on_code (ComptoirScannerEvdev *scanner,
         const char           *code,
         gpointer              user_data)
{
  ScanFixture *s = user_data;

  g_ptr_array_add (s->codes, g_strdup (code));
}

static void
on_disconnected (ComptoirScannerEvdev *scanner,
                 const GError         *error,
                 gpointer              user_data)
{
  ScanFixture *s = user_data;

  s->n_disconnected++;
  g_clear_error (&s->disconnect_error);
  s->disconnect_error = g_error_copy (error);
}

static ComptoirScannerEvdev *
open_scanner (ScanFixture *s)
{
  g_autoptr (GError) error = NULL;
  ComptoirScannerEvdev *scanner = comptoir_scanner_evdev_open (SCANNER_PATH, &error);

  g_assert_no_error (error);
  g_signal_connect (scanner, "code", G_CALLBACK (on_code), s);
  g_signal_connect (scanner, "disconnected", G_CALLBACK (on_disconnected), s);
  return scanner;
}

static gboolean
on_timeout (gpointer user_data)
{
  ScanFixture *s = user_data;

  s->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
iterate_until (ScanFixture *s,
               const guint *counter,
               guint        target)
{
  GSource *timeout = g_timeout_source_new_seconds (10);

  g_source_set_callback (timeout, on_timeout, s, NULL);
  g_source_attach (timeout, s->context);
  while ((guint) g_atomic_int_get ((const gint *) counter) < target && !s->timed_out)
    g_main_context_iteration (s->context, TRUE);
  g_source_destroy (timeout);
  g_source_unref (timeout);
  g_assert_false (s->timed_out);
}

static void
write_all (int           fd,
           const guint8 *data,
           gsize         length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >, 0);
      data += n;
      length -= (gsize) n;
    }
}

typedef struct {
  int     fd;
  GArray *events;
} Feed;

static gpointer
feed_thread (gpointer user_data)
{
  Feed *feed = user_data;

  write_all (feed->fd, (const guint8 *) feed->events->data, feed->events->len * sizeof (struct input_event));
  return NULL;
}

/* Writes from a thread, as the terminal holds only a few kilobytes,
 * while the scanner reads in this one, until n_codes codes came in
 * all. */
static void
send_keys (ScanFixture *s,
           Keys        *k,
           guint        n_codes)
{
  Feed feed = { s->terminal, k->events };
  GThread *thread = g_thread_new ("feed", feed_thread, &feed);

  iterate_until (s, &s->codes->len, n_codes);
  g_thread_join (thread);
}

static void
assert_codes (ScanFixture       *s,
              const char *const *expected)
{
  g_ptr_array_add (s->codes, NULL);
  g_assert_cmpstrv ((const char *const *) s->codes->pdata, expected);
  g_ptr_array_remove_index (s->codes, s->codes->len - 1);
}

/* Codes typed as US-layout keys come out whole, once each: digits,
 * shifted letters, either Shift, the GS1 separator as Ctrl+], the keypad
 * and its Enter; auto-repeat, lock keys and a lone Enter add nothing.
 * The device is grabbed while open and given back afterwards. */
static void
test_codes (ScanFixture   *s,
            gconstpointer  data)
{
  g_autoptr (ComptoirScannerEvdev) scanner = open_scanner (s);
  g_autofree char *log = NULL;
  Keys k;
  const char *const expected[] = {
    "3017620422003",
    "0103760123456789" "10Ab-1\x1d" "17250101",
    "xYZw",
    "4711",
    "END",
    NULL,
  };

  g_assert_cmpstr (comptoir_scanner_evdev_get_path (scanner), ==, SCANNER_PATH);
  log = mock_dup_log (s->scanner);
  g_assert_cmpstr (log, ==, "EVIOCGBIT types; EVIOCGBIT keys; grab; monotonic clock");

  keys_init (&k);
  keys_type (&k, "3017620422003\n");
  keys_type (&k, "0103760123456789" "10Ab-1\x1d" "17250101\n");

  /* Shift held on one side, then the other, then none. */
  keys_type (&k, "x");
  keys_key (&k, KEY_RIGHTSHIFT, 1);
  keys_tap (&k, KEY_Y);
  keys_key (&k, KEY_LEFTSHIFT, 1);
  keys_key (&k, KEY_RIGHTSHIFT, 0);
  keys_tap (&k, KEY_Z);
  keys_key (&k, KEY_LEFTSHIFT, 0);
  keys_tap (&k, KEY_W);
  keys_tap (&k, KEY_ENTER);

  /* The keypad after Num Lock; the 7 repeats while held. */
  keys_tap (&k, KEY_NUMLOCK);
  keys_tap (&k, KEY_KP4);
  keys_key (&k, KEY_KP7, 1);
  keys_key (&k, KEY_KP7, 2);
  keys_key (&k, KEY_KP7, 2);
  keys_key (&k, KEY_KP7, 2);
  keys_key (&k, KEY_KP7, 0);
  keys_tap (&k, KEY_KP1);
  keys_tap (&k, KEY_KP1);
  keys_tap (&k, KEY_KPENTER);

  keys_type (&k, "\nEND\n");
  send_keys (s, &k, G_N_ELEMENTS (expected) - 1);
  keys_clear (&k);
  assert_codes (s, expected);
  g_assert_cmpuint (s->n_disconnected, ==, 0);

  g_assert_cmpuint (g_atomic_int_get (s->scanner->n_closed), ==, 0);
  g_clear_object (&scanner);
  mock_wait_closed (s->scanner, 1);
  g_clear_pointer (&log, g_free);
  log = mock_dup_log (s->scanner);
  g_assert_cmpstr (log, ==, "EVIOCGBIT types; EVIOCGBIT keys; grab; monotonic clock; ungrab");
}

/* A read may end in the middle of an event (a terminal cuts where it
 * likes); the rest comes with the next read. */
static void
test_split_event (ScanFixture   *s,
                  gconstpointer  data)
{
  g_autoptr (ComptoirScannerEvdev) scanner = open_scanner (s);
  const char *const expected[] = { "42", NULL };
  const gsize cut = sizeof (struct input_event) + 6;
  const guint8 *bytes;
  gsize length;
  guint reads;
  Keys k;

  keys_init (&k);
  keys_type (&k, "42\n");
  bytes = (const guint8 *) k.events->data;
  length = k.events->len * sizeof (struct input_event);

  reads = s->scanner->n_reads;
  write_all (s->terminal, bytes, cut);
  iterate_until (s, &s->scanner->n_reads, reads + 1);
  g_assert_cmpuint (s->codes->len, ==, 0);

  write_all (s->terminal, bytes + cut, length - cut);
  iterate_until (s, &s->codes->len, 1);
  keys_clear (&k);
  assert_codes (s, expected);
}

/* A code that pauses for more than a second was a half-read: what came
 * before the pause is dropped, and an Enter after it gives nothing.
 * Shorter pauses are a slow scanner, and the code stands. */
static void
test_stale (ScanFixture   *s,
            gconstpointer  data)
{
  g_autoptr (ComptoirScannerEvdev) scanner = open_scanner (s);
  const char *const expected[] = { "456", "1234", "END", NULL };
  Keys k;

  keys_init (&k);
  keys_type (&k, "123");
  k.time_us += 1500000;
  keys_type (&k, "456\n");

  keys_type (&k, "12");
  k.time_us += 500000;
  keys_type (&k, "34\n");

  keys_type (&k, "789");
  k.time_us += 2 * G_USEC_PER_SEC;
  keys_type (&k, "\n");

  keys_type (&k, "END\n");
  send_keys (s, &k, G_N_ELEMENTS (expected) - 1);
  keys_clear (&k);
  assert_codes (s, expected);
}

/* A code with a key a US keyboard types nothing with, with Alt held (a
 * scanner in "Alt + keypad" mode), or whose events the kernel dropped,
 * would come out wrong: it is dropped whole, and the next code is read
 * as usual. After dropped events, the Shift state comes from the
 * kernel: here Shift was pressed among the lost events. */
static void
test_damaged (ScanFixture   *s,
              gconstpointer  data)
{
  g_autoptr (ComptoirScannerEvdev) scanner = open_scanner (s);
  g_autofree char *log = NULL;
  const char *const expected[] = { "ok1", "ok2", "Ab", NULL };
  Keys k;

  keys_init (&k);
  keys_type (&k, "12");
  keys_tap (&k, KEY_TAB);
  keys_type (&k, "34\n");
  keys_type (&k, "ok1\n");

  keys_key (&k, KEY_LEFTALT, 1);
  keys_tap (&k, KEY_KP0);
  keys_tap (&k, KEY_KP4);
  keys_tap (&k, KEY_KP9);
  keys_key (&k, KEY_LEFTALT, 0);
  keys_type (&k, "\n");
  keys_type (&k, "ok2\n");

  keys_type (&k, "12");
  keys_event (&k, EV_SYN, SYN_DROPPED, 0);
  keys_event (&k, EV_KEY, KEY_9, 1);
  keys_event (&k, EV_SYN, SYN_REPORT, 0);
  keys_type (&k, "3\n");
  keys_tap (&k, KEY_A);
  keys_key (&k, KEY_LEFTSHIFT, 0);
  keys_type (&k, "b\n");

  g_mutex_lock (&s->scanner->lock);
  s->scanner->down[KEY_LEFTSHIFT / LONG_BITS] |= 1UL << (KEY_LEFTSHIFT % LONG_BITS);
  g_mutex_unlock (&s->scanner->lock);

  send_keys (s, &k, G_N_ELEMENTS (expected) - 1);
  keys_clear (&k);
  assert_codes (s, expected);

  log = mock_dup_log (s->scanner);
  g_assert_cmpstr (log, ==, "EVIOCGBIT types; EVIOCGBIT keys; grab; monotonic clock; EVIOCGKEY");
}

/* Unplugged: evdev's reads fail with ENODEV (and the node goes). One
 * "disconnected" signal says so, the device is closed and no longer
 * read. */
static void
test_disconnected (ScanFixture   *s,
                   gconstpointer  data)
{
  g_autoptr (ComptoirScannerEvdev) scanner = open_scanner (s);
  g_autofree char *log = NULL;
  gint64 until;
  guint reads;
  Keys k;

  keys_init (&k);
  keys_type (&k, "12");

  g_mutex_lock (&s->scanner->lock);
  s->scanner->read_errno = ENODEV;
  g_mutex_unlock (&s->scanner->lock);
  umockdev_testbed_remove_device (s->testbed, SCANNER_EVENT);
  write_all (s->terminal, (const guint8 *) k.events->data, k.events->len * sizeof (struct input_event));
  iterate_until (s, &s->n_disconnected, 1);

  g_assert_error (s->disconnect_error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_DISCONNECTED);
  g_assert_nonnull (strstr (s->disconnect_error->message, SCANNER_PATH));
  g_assert_nonnull (strstr (s->disconnect_error->message, "Plug it back in"));
  /* The device is let go at once, not when the scanner object goes. */
  mock_wait_closed (s->scanner, 1);

  /* More data waits on the node: nobody reads it any more. */
  reads = s->scanner->n_reads;
  write_all (s->terminal, (const guint8 *) k.events->data, k.events->len * sizeof (struct input_event));
  until = g_get_monotonic_time () + 300000;
  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (s->context, FALSE);
      g_usleep (10000);
    }
  keys_clear (&k);
  g_assert_cmpuint (s->n_disconnected, ==, 1);
  g_assert_cmpuint (s->scanner->n_reads, ==, reads);
  g_assert_cmpuint (s->codes->len, ==, 0);

  /* A device that is gone cannot be ungrabbed. */
  g_clear_object (&scanner);
  log = mock_dup_log (s->scanner);
  g_assert_cmpstr (log, ==, "EVIOCGBIT types; EVIOCGBIT keys; grab; monotonic clock");
}

/* Any other read error stops the scanner too, saying why. */
static void
test_read_error (ScanFixture   *s,
                 gconstpointer  data)
{
  g_autoptr (ComptoirScannerEvdev) scanner = open_scanner (s);
  Keys k;

  g_mutex_lock (&s->scanner->lock);
  s->scanner->read_errno = EIO;
  g_mutex_unlock (&s->scanner->lock);

  keys_init (&k);
  keys_type (&k, "1");
  write_all (s->terminal, (const guint8 *) k.events->data, k.events->len * sizeof (struct input_event));
  keys_clear (&k);
  iterate_until (s, &s->n_disconnected, 1);

  g_assert_error (s->disconnect_error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_FAILED);
  g_assert_nonnull (strstr (s->disconnect_error->message, g_strerror (EIO)));
}

static void
test_not_found (ScanFixture   *s,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirScannerEvdev) scanner = NULL;

  scanner = comptoir_scanner_evdev_open ("/dev/input/by-id/usb-Nothing_Here-event-kbd", &error);
  g_assert_null (scanner);
  g_assert_error (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/dev/input/by-id/usb-Nothing_Here-event-kbd"));
  g_assert_nonnull (strstr (error->message, "-event-kbd”"));
}

static void
assert_not_keyboard (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirScannerEvdev) scanner = comptoir_scanner_evdev_open (path, &error);

  g_assert_null (scanner);
  g_assert_error (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "/dev/input/by-id"));
}

/* Devices that cannot be a scanner are refused before being grabbed: a
 * mouse (keys, but no Enter), an accelerometer (no keys), a file. */
static void
test_not_keyboard (ScanFixture   *s,
                   gconstpointer  data)
{
  MockInput *mouse = mock_input_new (s->testbed, mouse_description, "/sys/devices/virtual/input/input8",
                                     "/dev/input/event8");
  MockInput *accelerometer = mock_input_new (s->testbed, accelerometer_description,
                                             "/sys/devices/virtual/input/input9", "/dev/input/event9");
  g_autofree char *mouse_log = NULL;
  g_autofree char *accelerometer_log = NULL;
  g_autofree char *file = g_build_filename (g_get_tmp_dir (), "comptoir-not-a-scanner-XXXXXX", NULL);
  int fd;

  assert_not_keyboard ("/dev/input/event8");
  assert_not_keyboard ("/dev/input/event9");
  mouse_log = mock_dup_log (mouse);
  accelerometer_log = mock_dup_log (accelerometer);
  g_assert_cmpstr (mouse_log, ==, "EVIOCGBIT types; EVIOCGBIT keys");
  g_assert_cmpstr (accelerometer_log, ==, "EVIOCGBIT types");

  fd = g_mkstemp (file);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  assert_not_keyboard (file);
  g_unlink (file);

  mock_input_free (accelerometer, s->testbed, "/dev/input/event9");
  mock_input_free (mouse, s->testbed, "/dev/input/event8");
}

/* Another program grabbed the scanner first. */
static void
test_busy (ScanFixture   *s,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirScannerEvdev) scanner = NULL;
  g_autofree char *log = NULL;

  s->scanner->grab_errno = EBUSY;
  scanner = comptoir_scanner_evdev_open (SCANNER_PATH, &error);
  g_assert_null (scanner);
  g_assert_error (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, SCANNER_PATH));

  log = mock_dup_log (s->scanner);
  g_assert_cmpstr (log, ==, "EVIOCGBIT types; EVIOCGBIT keys; grab refused");
}

/* Capabilities are per thread: these are this thread's. */
static void
set_capabilities (const struct __user_cap_data_struct *caps)
{
  struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };

  g_assert_cmpint (syscall (SYS_capset, &header, caps), ==, 0);
}

/* The node is root's and the input group's, as udev makes it, and the
 * till runs as someone else. Root reads any file whatever its mode, so
 * the test sets the node's mode to nothing and, while it opens it, drops
 * the capabilities that let root ignore modes. The node is opened by its
 * own name, which has no handler of the test's: umockdev 0.17 connects
 * a failed open() to the node's ioctl handler all the same, and that
 * connection would outlive the test. */
static void
test_permission (ScanFixture   *s,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirScannerEvdev) scanner = NULL;
  g_autofree char *terminal = g_file_read_link (SCANNER_NODE, &error);
  struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct saved[_LINUX_CAPABILITY_U32S_3];
  struct __user_cap_data_struct reduced[_LINUX_CAPABILITY_U32S_3];

  g_assert_no_error (error);
  g_assert_cmpint (syscall (SYS_capget, &header, saved), ==, 0);
  memcpy (reduced, saved, sizeof reduced);
  reduced[0].effective &= ~((1U << CAP_DAC_OVERRIDE) | (1U << CAP_DAC_READ_SEARCH));

  g_assert_cmpint (chmod (terminal, 0), ==, 0);
  set_capabilities (reduced);
  scanner = comptoir_scanner_evdev_open (SCANNER_NODE, &error);
  set_capabilities (saved);
  g_assert_cmpint (chmod (terminal, 0620), ==, 0);

  g_assert_null (scanner);
  g_assert_error (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, SCANNER_NODE));
  g_assert_nonnull (strstr (error->message, "“input” group"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  /* The preload library only shows itself once a test bed exists. */
  {
    g_autoptr (UMockdevTestbed) probe = umockdev_testbed_new ();

    if (!umockdev_in_mock_environment ())
      {
        g_printerr ("Run this test under umockdev-wrapper: it needs the emulated input device.\n");
        return 1;
      }
  }

  g_test_add ("/comptoir/devices/scanner-evdev/codes", ScanFixture, NULL, scan_set_up, test_codes,
              scan_tear_down);
  g_test_add ("/comptoir/devices/scanner-evdev/split-event", ScanFixture, NULL, scan_set_up, test_split_event,
              scan_tear_down);
  g_test_add ("/comptoir/devices/scanner-evdev/stale", ScanFixture, NULL, scan_set_up, test_stale,
              scan_tear_down);
  g_test_add ("/comptoir/devices/scanner-evdev/damaged", ScanFixture, NULL, scan_set_up, test_damaged,
              scan_tear_down);
  g_test_add ("/comptoir/devices/scanner-evdev/disconnected", ScanFixture, NULL, scan_set_up,
              test_disconnected, scan_tear_down);
  g_test_add ("/comptoir/devices/scanner-evdev/read-error", ScanFixture, NULL, scan_set_up, test_read_error,
              scan_tear_down);
  g_test_add ("/comptoir/devices/scanner-evdev/not-found", ScanFixture, NULL, scan_set_up, test_not_found,
              scan_tear_down);
  g_test_add ("/comptoir/devices/scanner-evdev/not-keyboard", ScanFixture, NULL, scan_set_up,
              test_not_keyboard, scan_tear_down);
  g_test_add ("/comptoir/devices/scanner-evdev/busy", ScanFixture, NULL, scan_set_up, test_busy,
              scan_tear_down);
  g_test_add ("/comptoir/devices/scanner-evdev/permission", ScanFixture, NULL, scan_set_up, test_permission,
              scan_tear_down);
  return g_test_run ();
}
