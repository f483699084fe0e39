/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <sys/ioctl.h>
#include <linux/usbdevice_fs.h>
#include <stddef.h>
#include <string.h>
#include <umockdev.h>

#include "test-fixture.h"
#include "test-receipt-shop.h"
#include "comptoir-escpos.h"
#include "comptoir-printer.h"

/* The USB transport against an emulated printer. umockdev gives libusb a
 * sysfs with a hub, a barcode scanner (HID) and an Epson receipt printer
 * (tests/data/usb-receipt-printer.umockdev), and hands every ioctl that
 * libusb makes on the printer's /dev/bus/usb node to the handler below,
 * which plays the kernel's usbfs: usblp bound to the printer interface,
 * claims that fail while a driver holds it, bulk URBs submitted and
 * reaped. So libusb really enumerates, reads descriptors, detaches the
 * kernel driver, claims and transfers; the test sees what the printer
 * would have received. Runs under umockdev-wrapper (see meson.build). */

#define PRINTER_NODE "/dev/bus/usb/001/003"
#define PRINTER_SYSFS "/sys/devices/pci0000:00/0000:00:14.0/usb1/1-2"
#define PRINTER_ENDPOINT 0x01

typedef struct {
  GMutex      lock;
  GByteArray *received;       /* bulk OUT data, in order */
  GString    *log;            /* what happened to the interface */
  char       *driver;         /* kernel driver bound to interface 0, or NULL */
  gboolean    claimed;
  GQueue      urbs;           /* UMockdevIoctlData of completed URBs */
  guint       n_urbs;
  int         submit_errno;   /* 0, or the error every submission gets */
} MockPrinter;

static void
mock_init (MockPrinter *mock)
{
  g_mutex_init (&mock->lock);
  mock->received = g_byte_array_new ();
  mock->log = g_string_new (NULL);
  mock->driver = g_strdup ("usblp");
  g_queue_init (&mock->urbs);
}

static void
mock_clear (MockPrinter *mock)
{
  g_byte_array_unref (mock->received);
  g_string_free (mock->log, TRUE);
  g_free (mock->driver);
  g_queue_clear_full (&mock->urbs, g_object_unref);
  g_mutex_clear (&mock->lock);
}

static void
mock_log (MockPrinter *mock,
          const char  *format,
          ...) G_GNUC_PRINTF (2, 3);

static void
mock_log (MockPrinter *mock,
          const char  *format,
          ...)
{
  va_list args;

  if (mock->log->len > 0)
    g_string_append (mock->log, "; ");
  va_start (args, format);
  g_string_append_vprintf (mock->log, format, args);
  va_end (args);
}

/* The memory the ioctl's argument points to, copied from the client;
 * *out_data holds it (a reference to drop) and syncs it back on
 * completion. */
static gpointer
resolve (UMockdevIoctlClient *client,
         gsize                size,
         UMockdevIoctlData  **out_data)
{
  g_autoptr (GError) error = NULL;
  UMockdevIoctlData *data = umockdev_ioctl_data_resolve (umockdev_ioctl_client_get_arg (client), 0, size, &error);

  g_assert_no_error (error);
  *out_data = data;
  return data->data;
}

static void
submit_urb (MockPrinter         *mock,
            UMockdevIoctlClient *client)
{
  g_autoptr (GError) error = NULL;
  UMockdevIoctlData *urb_data = NULL;
  UMockdevIoctlData *buffer;
  struct usbdevfs_urb *urb = resolve (client, sizeof (struct usbdevfs_urb), &urb_data);

  if (mock->submit_errno != 0)
    {
      mock_log (mock, "submit refused");
      umockdev_ioctl_client_complete (client, -1, mock->submit_errno);
      g_object_unref (urb_data);
      return;
    }
  /* usbfs refuses URBs on an interface another driver holds. */
  if (!mock->claimed || mock->driver != NULL)
    {
      mock_log (mock, "submit without claim");
      umockdev_ioctl_client_complete (client, -1, EBUSY);
      g_object_unref (urb_data);
      return;
    }
  if (urb->type != USBDEVFS_URB_TYPE_BULK || urb->endpoint != PRINTER_ENDPOINT)
    {
      mock_log (mock, "unexpected URB type %u endpoint 0x%02x", urb->type, urb->endpoint);
      umockdev_ioctl_client_complete (client, -1, EINVAL);
      g_object_unref (urb_data);
      return;
    }

  buffer = umockdev_ioctl_data_resolve (urb_data, offsetof (struct usbdevfs_urb, buffer), urb->buffer_length, &error);
  g_assert_no_error (error);
  g_byte_array_append (mock->received, buffer->data, urb->buffer_length);
  g_object_unref (buffer);
  mock->n_urbs++;

  urb->status = 0;
  urb->actual_length = urb->buffer_length;
  g_queue_push_tail (&mock->urbs, g_object_ref (urb_data));
  umockdev_ioctl_client_complete (client, 0, 0);
}

static void
reap_urb (MockPrinter         *mock,
          UMockdevIoctlClient *client)
{
  UMockdevIoctlData *urb_data = g_queue_pop_head (&mock->urbs);
  UMockdevIoctlData *slot = NULL;

  if (urb_data == NULL)
    {
      umockdev_ioctl_client_complete (client, -1, EAGAIN);
      return;
    }
  /* The argument is the address of libusb's URB pointer: that pointer is
   * set to the URB submitted earlier. */
  resolve (client, sizeof (gpointer), &slot);
  umockdev_ioctl_data_set_ptr (slot, 0, urb_data);
  umockdev_ioctl_client_complete (client, 0, 0);
  g_object_unref (slot);
  g_object_unref (urb_data);
}

/* The kernel side of the usbfs ioctls libusb uses to print. */
static gboolean
handle_ioctl (UMockdevIoctlBase   *handler,
              UMockdevIoctlClient *client,
              gpointer             user_data)
{
  MockPrinter *mock = user_data;
  gulong request = umockdev_ioctl_client_get_request (client);
  UMockdevIoctlData *data = NULL;
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&mock->lock);

  switch (request)
    {
    case USBDEVFS_GET_CAPABILITIES:
      *(guint32 *) resolve (client, sizeof (guint32), &data) =
        USBDEVFS_CAP_BULK_CONTINUATION | USBDEVFS_CAP_NO_PACKET_SIZE_LIM;
      umockdev_ioctl_client_complete (client, 0, 0);
      break;

    case USBDEVFS_GETDRIVER:
      {
        struct usbdevfs_getdriver *get = resolve (client, sizeof *get, &data);

        if (mock->driver == NULL || get->interface != 0)
          umockdev_ioctl_client_complete (client, -1, ENODATA);
        else
          {
            g_strlcpy (get->driver, mock->driver, sizeof get->driver);
            umockdev_ioctl_client_complete (client, 0, 0);
          }
      }
      break;

    case USBDEVFS_DISCONNECT_CLAIM:
      {
        struct usbdevfs_disconnect_claim *dc = resolve (client, sizeof *dc, &data);

        mock_log (mock, "disconnect %s and claim interface %u", mock->driver ? mock->driver : "nothing",
                  dc->interface);
        g_clear_pointer (&mock->driver, g_free);
        mock->claimed = TRUE;
        umockdev_ioctl_client_complete (client, 0, 0);
      }
      break;

    case USBDEVFS_CLAIMINTERFACE:
      {
        guint *interface = resolve (client, sizeof *interface, &data);

        if (mock->driver != NULL)
          {
            mock_log (mock, "claim interface %u refused: %s holds it", *interface, mock->driver);
            umockdev_ioctl_client_complete (client, -1, EBUSY);
          }
        else
          {
            mock_log (mock, "claim interface %u", *interface);
            mock->claimed = TRUE;
            umockdev_ioctl_client_complete (client, 0, 0);
          }
      }
      break;

    case USBDEVFS_RELEASEINTERFACE:
      {
        guint *interface = resolve (client, sizeof *interface, &data);

        mock_log (mock, "release interface %u", *interface);
        mock->claimed = FALSE;
        umockdev_ioctl_client_complete (client, 0, 0);
      }
      break;

    case USBDEVFS_IOCTL:
      {
        struct usbdevfs_ioctl *command = resolve (client, sizeof *command, &data);

        if (command->ioctl_code == (int) USBDEVFS_CONNECT && !mock->claimed)
          {
            mock_log (mock, "connect usblp to interface %d", command->ifno);
            g_free (mock->driver);
            mock->driver = g_strdup ("usblp");
            umockdev_ioctl_client_complete (client, 0, 0);
          }
        else if (command->ioctl_code == (int) USBDEVFS_DISCONNECT && mock->driver != NULL)
          {
            mock_log (mock, "disconnect %s from interface %d", mock->driver, command->ifno);
            g_clear_pointer (&mock->driver, g_free);
            umockdev_ioctl_client_complete (client, 0, 0);
          }
        else
          umockdev_ioctl_client_complete (client, -1, command->ioctl_code == (int) USBDEVFS_CONNECT ? EBUSY : ENODATA);
      }
      break;

    case USBDEVFS_SUBMITURB:
      submit_urb (mock, client);
      break;

    case USBDEVFS_REAPURB:
    case USBDEVFS_REAPURBNDELAY:
      reap_urb (mock, client);
      break;

    default:
      mock_log (mock, "unexpected ioctl 0x%lx", request);
      umockdev_ioctl_client_complete (client, -1, ENOTTY);
      break;
    }
  g_clear_object (&data);
  return TRUE;
}

typedef struct {
  Fixture            f;
  UMockdevTestbed   *testbed;
  UMockdevIoctlBase *handler;
  MockPrinter        mock;
} UsbFixture;

static void
usb_set_up (UsbFixture    *u,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *description = g_test_build_filename (G_TEST_DIST, "data", "usb-receipt-printer.umockdev", NULL);

  fixture_set_up (&u->f, data);
  mock_init (&u->mock);
  u->testbed = umockdev_testbed_new ();
  g_assert_true (umockdev_testbed_add_from_file (u->testbed, description, &error));
  g_assert_no_error (error);

  u->handler = umockdev_ioctl_base_new ();
  g_signal_connect (u->handler, "handle-ioctl", G_CALLBACK (handle_ioctl), &u->mock);
  g_assert_true (umockdev_testbed_attach_ioctl (u->testbed, PRINTER_NODE, u->handler, &error));
  g_assert_no_error (error);
}

static void
usb_tear_down (UsbFixture    *u,
               gconstpointer  data)
{
  umockdev_testbed_detach_ioctl (u->testbed, PRINTER_NODE, NULL);
  g_clear_object (&u->handler);
  g_clear_object (&u->testbed);
  mock_clear (&u->mock);
  fixture_tear_down (&u->f, data);
}

static char *
mock_dup_log (MockPrinter *mock)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&mock->lock);

  return g_strdup (mock->log->str);
}

/* The printer is found among other USB devices by its class, usblp is
 * detached, the receipt arrives byte for byte as the golden file has it,
 * and usblp gets the printer back. */
static void
test_usb_prints_receipt (UsbFixture    *u,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirReceipt) receipt = receipt_shop_sell (&u->f);
  g_autoptr (GBytes) bytes = comptoir_escpos_encode_receipt (receipt, 48);
  g_autoptr (ComptoirPrinter) printer = NULL;
  g_autofree char *log = NULL;

  printer = comptoir_printer_open_usb (0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (comptoir_printer_get_description (printer), ==, "USB 04b8:0e15 (bus 1, device 3)");
  g_assert_true (comptoir_printer_write (printer, bytes, &error));
  g_assert_no_error (error);
  comptoir_printer_close (printer);

  log = mock_dup_log (&u->mock);
  g_assert_cmpstr (log, ==, "disconnect usblp and claim interface 0; release interface 0; "
                            "connect usblp to interface 0");
  g_assert_cmpuint (u->mock.n_urbs, >=, 1);
  receipt_shop_assert_golden ("receipt-48.escpos", u->mock.received->data, u->mock.received->len);
}

/* More than one transfer's worth: every byte arrives once, in order. */
static void
test_usb_large_write (UsbFixture    *u,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirPrinter) printer = NULL;
  g_autoptr (GByteArray) big = g_byte_array_new ();
  g_autoptr (GBytes) bytes = NULL;

  for (guint i = 0; i < 20000; i++)
    {
      guint8 byte = (guint8) (i * 7 + i / 256);
      g_byte_array_append (big, &byte, 1);
    }
  bytes = g_bytes_new (big->data, big->len);

  printer = comptoir_printer_open_usb (0x04b8, 0x0e15, &error);
  g_assert_no_error (error);
  g_assert_true (comptoir_printer_write (printer, bytes, &error));
  g_assert_no_error (error);
  g_clear_object (&printer);

  g_assert_cmpuint (u->mock.n_urbs, >=, 5);
  g_assert_cmpmem (u->mock.received->data, u->mock.received->len, big->data, big->len);
}

static void
test_usb_drawer (UsbFixture    *u,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirPrinter) printer = comptoir_printer_open_usb (0x04b8, 0, &error);
  g_autoptr (GBytes) pulse = comptoir_escpos_drawer_pulse ();

  g_assert_no_error (error);
  g_assert_true (comptoir_printer_write (printer, pulse, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (u->mock.received->data, u->mock.received->len, "\x1bp\x00\x19\xfa", 5);
}

static void
test_usb_not_found (UsbFixture    *u,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirPrinter) printer = NULL;

  /* The barcode scanner has the ids asked for but nothing to print on. */
  printer = comptoir_printer_open_usb (0x05e0, 0x1200, &error);
  g_assert_null (printer);
  g_assert_error (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "05e0:1200"));
  g_clear_error (&error);

  umockdev_testbed_remove_device (u->testbed, PRINTER_SYSFS);
  printer = comptoir_printer_open_usb (0, 0, &error);
  g_assert_null (printer);
  g_assert_error (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "switched on and plugged in"));
}

/* Unplugged between the claim and the transfer. */
static void
test_usb_unplugged (UsbFixture    *u,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirPrinter) printer = comptoir_printer_open_usb (0, 0, &error);
  g_autoptr (GBytes) pulse = comptoir_escpos_drawer_pulse ();

  g_assert_no_error (error);
  g_mutex_lock (&u->mock.lock);
  u->mock.submit_errno = ENODEV;
  g_mutex_unlock (&u->mock.lock);

  g_assert_false (comptoir_printer_write (printer, pulse, &error));
  g_assert_error (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_DISCONNECTED);
  g_assert_nonnull (strstr (error->message, "switched on and plugged in"));
}

int
main (int    argc,
      char **argv)
{
  receipt_shop_init_environment ();
  g_test_init (&argc, &argv, NULL);

  /* The preload library only shows itself once a test bed exists. */
  {
    g_autoptr (UMockdevTestbed) probe = umockdev_testbed_new ();

    if (!umockdev_in_mock_environment ())
      {
        g_printerr ("Run this test under umockdev-wrapper: it needs the emulated USB bus.\n");
        return 1;
      }
  }

  g_test_add ("/comptoir/devices/usb/prints-receipt", UsbFixture, NULL, usb_set_up, test_usb_prints_receipt,
              usb_tear_down);
  g_test_add ("/comptoir/devices/usb/large-write", UsbFixture, NULL, usb_set_up, test_usb_large_write,
              usb_tear_down);
  g_test_add ("/comptoir/devices/usb/drawer", UsbFixture, NULL, usb_set_up, test_usb_drawer, usb_tear_down);
  g_test_add ("/comptoir/devices/usb/not-found", UsbFixture, NULL, usb_set_up, test_usb_not_found,
              usb_tear_down);
  g_test_add ("/comptoir/devices/usb/unplugged", UsbFixture, NULL, usb_set_up, test_usb_unplugged,
              usb_tear_down);
  return g_test_run ();
}
