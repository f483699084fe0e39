/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test-fixture.h"
#include "test-receipt-shop.h"
#include "comptoir-escpos.h"
#include "comptoir-printer.h"

static gboolean
bytes_contain (GBytes     *bytes,
               const void *needle,
               gsize       length)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  for (gsize i = 0; i + length <= size; i++)
    if (memcmp (data + i, needle, length) == 0)
      return TRUE;
  return FALSE;
}

static void
test_golden_receipt (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (ComptoirReceipt) receipt = receipt_shop_sell (f);
  g_autoptr (GBytes) bytes = comptoir_escpos_encode_receipt (receipt, 48);
  gsize size;
  const guint8 *raw = g_bytes_get_data (bytes, &size);

  receipt_shop_assert_golden ("receipt-48.escpos", raw, size);

  /* What the golden file is made of, said once more so that a wrong
   * golden file cannot pass unnoticed. */
  g_assert_cmpmem (raw, 5, "\x1b@\x1bt\x13", 5);                       /* reset, page 858 */
  g_assert_cmpmem (raw + size - 4, 4, "\x1dVB\x03", 4);                 /* feed and partial cut */
  g_assert_true (bytes_contain (bytes, "\x1b" "a\x01\x1d!\x11\x1b" "E\x01" "Coop du Canal\n", 23));
  g_assert_true (bytes_contain (bytes, "P\x83tes compl\x8ates", 15));   /* â è */
  g_assert_true (bytes_contain (bytes, "12 rue des \x90" "cluses", 18)); /* É */
  g_assert_true (bytes_contain (bytes, "2 \x9e 2.35 \xd5", 10));          /* × € */
  g_assert_true (bytes_contain (bytes, "\x1b" "E\x01\x1d!\x01TOTAL", 11));
  g_assert_true (bytes_contain (bytes, "\x1dk\x49\x07{BT-1-1", 11));    /* CODE 128, set B */
  /* No UTF-8 left: every byte above 0x7f is a page 858 character. */
  g_assert_false (bytes_contain (bytes, "\xc3", 1));
}

static void
test_cp858_table (void)
{
  /* The table against glibc's own converter, byte by byte. */
  for (guint b = 0x80; b <= 0xff; b++)
    {
      char byte = (char) b;
      g_autoptr (GError) error = NULL;
      g_autofree char *utf8 = g_convert (&byte, 1, "UTF-8", "CP858", NULL, NULL, &error);
      g_autoptr (GBytes) back = NULL;

      g_assert_no_error (error);
      back = comptoir_escpos_to_cp858 (utf8);
      g_assert_cmpmem (g_bytes_get_data (back, NULL), g_bytes_get_size (back), &byte, 1);
    }
}

static void
test_cp858_fallbacks (void)
{
  static const struct {
    const char *utf8;
    const char *cp858;
  } cases[] = {
    { "Œufs à 3 €", "OEufs \x85 3 \xd5" },
    { "sœur « ici » — là…", "soeur \xae ici \xaf - l\x85..." },
    { "L’été", "L'\x82t\x82" },
    { "ŸVES", "YVES" },
    { "ç Ç ô î ù", "\x87 \x80 \x93 \x8c \x97" },
    { "10\u202f%", "10 %" },
    { "日本", "??" },
    { "bad \xff utf-8", "bad ? utf-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GBytes) bytes = comptoir_escpos_to_cp858 (cases[i].utf8);
      g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                       cases[i].cp858, strlen (cases[i].cp858));
    }
}

static void
test_document (void)
{
  g_autoptr (GBytes) bytes = comptoir_escpos_encode_document ("Clôture journalière (Z) — caisse T1\n"
                                                              "  Total de la période            1234.56 €\n",
                                                              32);
  const char *expected =
    "\x1b@\x1bt\x13"
    "Cl\x93ture journali\x8are (Z) - caisse\n"
    "T1\n"
    "  Total de la p\x82riode\n"
    "1234.56 \xd5\n"
    "\x1dVB\x03";

  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), expected, strlen (expected));
}

static void
test_drawer_pulse (void)
{
  g_autoptr (GBytes) pulse = comptoir_escpos_drawer_pulse ();

  g_assert_cmpmem (g_bytes_get_data (pulse, NULL), g_bytes_get_size (pulse), "\x1bp\x00\x19\xfa", 5);
}

static void
test_usb_id_parse (void)
{
  guint16 vendor = 1, product = 1;

  g_assert_true (comptoir_usb_id_parse ("04b8:0e15", &vendor, &product));
  g_assert_cmphex (vendor, ==, 0x04b8);
  g_assert_cmphex (product, ==, 0x0e15);
  g_assert_true (comptoir_usb_id_parse ("0416", &vendor, &product));
  g_assert_cmphex (vendor, ==, 0x0416);
  g_assert_cmphex (product, ==, 0);
  g_assert_false (comptoir_usb_id_parse ("4b8:e15", &vendor, &product));
  g_assert_false (comptoir_usb_id_parse ("04b8:0e15:1", &vendor, &product));
  g_assert_false (comptoir_usb_id_parse ("zzzz", &vendor, &product));
  g_assert_false (comptoir_usb_id_parse ("0000:0001", &vendor, &product));
  g_assert_false (comptoir_usb_id_parse ("", &vendor, &product));
}

/* The device node transport, on a plain file: what a printer device
 * node receives is what the file holds. */
static void
test_device_file (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirReceipt) receipt = receipt_shop_sell (f);
  g_autoptr (GBytes) bytes = comptoir_escpos_encode_receipt (receipt, 48);
  g_autofree char *path = g_build_filename (f->dir, "lp0", NULL);
  g_autoptr (ComptoirPrinter) printer = NULL;
  g_autofree char *written = NULL;
  gsize length;

  g_assert_true (g_file_set_contents (path, "", 0, &error));
  printer = comptoir_printer_open_device (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (comptoir_printer_get_description (printer), ==, path);
  g_assert_true (comptoir_printer_write (printer, bytes, &error));
  g_assert_no_error (error);
  comptoir_printer_close (printer);
  comptoir_printer_close (printer);

  g_assert_true (g_file_get_contents (path, &written, &length, &error));
  g_assert_cmpmem (written, length, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_false (comptoir_printer_write (printer, bytes, &error));
  g_assert_error (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_INVALID);
}

typedef struct {
  int         fd;
  GByteArray *read;
  gsize       stop_after;   /* close the read end after this many bytes; 0 never */
} Reader;

/* A slow printer: reads in small pieces with pauses, so the writer
 * meets a full pipe and must wait for room. */
static gpointer
reader_thread (gpointer data)
{
  Reader *reader = data;
  guint8 buffer[1024];

  for (;;)
    {
      gssize n = read (reader->fd, buffer, sizeof buffer);

      if (n < 0 && (errno == EAGAIN || errno == EINTR))
        {
          g_usleep (1000);
          continue;
        }
      if (n <= 0)
        break;
      g_byte_array_append (reader->read, buffer, n);
      if (reader->stop_after > 0 && reader->read->len >= reader->stop_after)
        break;
      if (reader->read->len % 16384 < sizeof buffer)
        g_usleep (2000);
    }
  close (reader->fd);
  return NULL;
}

static GBytes *
big_payload (gsize size)
{
  guint8 *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) (i * 31 + i / 251);
  return g_bytes_new_take (data, size);
}

static void
test_device_fifo (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "fifo", NULL);
  g_autoptr (GBytes) bytes = big_payload (300 * 1024);   /* several times a pipe's buffer */
  g_autoptr (ComptoirPrinter) printer = NULL;
  g_autoptr (GByteArray) received = g_byte_array_new ();
  Reader reader = { .read = received };
  GThread *thread;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);

  /* Nobody reading: the printer is not there. */
  g_assert_null (comptoir_printer_open_device (path, &error));
  g_assert_error (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_DISCONNECTED);
  g_assert_nonnull (strstr (error->message, "switched on and plugged in"));
  g_clear_error (&error);

  reader.fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  g_assert_cmpint (reader.fd, >=, 0);
  printer = comptoir_printer_open_device (path, &error);
  g_assert_no_error (error);
  thread = g_thread_new ("reader", reader_thread, &reader);
  g_assert_true (comptoir_printer_write (printer, bytes, &error));
  g_assert_no_error (error);
  comptoir_printer_close (printer);
  g_thread_join (thread);

  g_assert_cmpmem (received->data, received->len, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The printer goes away in the middle: an error saying so, and the till
 * lives on (no SIGPIPE). */
static void
test_device_fifo_reader_gone (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "fifo", NULL);
  g_autoptr (GBytes) bytes = big_payload (1024 * 1024);
  g_autoptr (ComptoirPrinter) printer = NULL;
  g_autoptr (GByteArray) received = g_byte_array_new ();
  Reader reader = { .read = received, .stop_after = 4096 };
  GThread *thread;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  reader.fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  printer = comptoir_printer_open_device (path, &error);
  g_assert_no_error (error);
  thread = g_thread_new ("reader", reader_thread, &reader);

  g_assert_false (comptoir_printer_write (printer, bytes, &error));
  g_assert_error (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_DISCONNECTED);
  g_assert_nonnull (strstr (error->message, path));
  g_thread_join (thread);
}

static void
test_device_missing (void)
{
  g_autoptr (GError) error = NULL;

  g_assert_null (comptoir_printer_open_device ("/nonexistent/usb/lp7", &error));
  g_assert_error (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent/usb/lp7"));
  g_assert_nonnull (strstr (error->message, "switched on and plugged in"));
}

int
main (int    argc,
      char **argv)
{
  receipt_shop_init_environment ();
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/comptoir/devices/escpos/golden-receipt", Fixture, NULL, fixture_set_up, test_golden_receipt,
              fixture_tear_down);
  g_test_add_func ("/comptoir/devices/escpos/cp858-table", test_cp858_table);
  g_test_add_func ("/comptoir/devices/escpos/cp858-fallbacks", test_cp858_fallbacks);
  g_test_add_func ("/comptoir/devices/escpos/document", test_document);
  g_test_add_func ("/comptoir/devices/escpos/drawer-pulse", test_drawer_pulse);
  g_test_add_func ("/comptoir/devices/printer/usb-id-parse", test_usb_id_parse);
  g_test_add ("/comptoir/devices/printer/device-file", Fixture, NULL, fixture_set_up, test_device_file,
              fixture_tear_down);
  g_test_add ("/comptoir/devices/printer/device-fifo", Fixture, NULL, fixture_set_up, test_device_fifo,
              fixture_tear_down);
  g_test_add ("/comptoir/devices/printer/device-fifo-reader-gone", Fixture, NULL, fixture_set_up,
              test_device_fifo_reader_gone, fixture_tear_down);
  g_test_add_func ("/comptoir/devices/printer/device-missing", test_device_missing);
  return g_test_run ();
}
