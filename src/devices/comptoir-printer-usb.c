/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-printer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libusb.h>

#include "comptoir-printer-private.h"

/* Bulk transfers of a few kilobytes: a receipt is one or two, and a
 * printer with a small buffer NAKs between them instead of timing out in
 * the middle of a large one. */
#define CHUNK_SIZE 4096
#define TRANSFER_TIMEOUT_MS 5000

struct _ComptoirUsbPrinter
{
  libusb_context       *context;
  libusb_device_handle *handle;
  int                   interface;
  guint8                endpoint;
};

/* The interface to print on: the first with the printer class (7) and a
 * bulk OUT endpoint. A device chosen by its ids may be a cheap printer
 * that calls itself "vendor specific": then any interface with a bulk OUT
 * endpoint will do. */
static gboolean
find_interface (libusb_device *device,
                gboolean       any_class,
                int           *out_interface,
                int           *out_alt_setting,
                guint8        *out_endpoint)
{
  struct libusb_config_descriptor *config = NULL;
  gboolean found = FALSE;

  if (libusb_get_active_config_descriptor (device, &config) != LIBUSB_SUCCESS &&
      libusb_get_config_descriptor (device, 0, &config) != LIBUSB_SUCCESS)
    return FALSE;

  for (int pass = 0; pass < (any_class ? 2 : 1) && !found; pass++)
    for (guint8 i = 0; i < config->bNumInterfaces && !found; i++)
      for (int a = 0; a < config->interface[i].num_altsetting && !found; a++)
        {
          const struct libusb_interface_descriptor *alt = &config->interface[i].altsetting[a];

          if (pass == 0 && alt->bInterfaceClass != LIBUSB_CLASS_PRINTER)
            continue;
          for (guint8 e = 0; e < alt->bNumEndpoints && !found; e++)
            {
              const struct libusb_endpoint_descriptor *ep = &alt->endpoint[e];

              if ((ep->bEndpointAddress & LIBUSB_ENDPOINT_DIR_MASK) == LIBUSB_ENDPOINT_OUT &&
                  (ep->bmAttributes & LIBUSB_TRANSFER_TYPE_MASK) == LIBUSB_TRANSFER_TYPE_BULK)
                {
                  *out_interface = alt->bInterfaceNumber;
                  *out_alt_setting = alt->bAlternateSetting;
                  *out_endpoint = ep->bEndpointAddress;
                  found = TRUE;
                }
            }
        }

  libusb_free_config_descriptor (config);
  return found;
}

static void
set_usb_error (GError     **error,
               int          rc,
               const char  *description)
{
  switch (rc)
    {
    case LIBUSB_ERROR_ACCESS:
      g_set_error (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_PERMISSION,
                   _("Comptoir may not use the printer %s. Give the till's user access to it (with a "
                     "udev rule or the “lp” group), then unplug the printer and plug it in again."),
                   description);
      break;
    case LIBUSB_ERROR_BUSY:
      g_set_error (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_BUSY,
                   _("The printer %s is used by another program. Close that program or remove the "
                     "printer from the print queues, then print again."), description);
      break;
    case LIBUSB_ERROR_NO_DEVICE:
    case LIBUSB_ERROR_NOT_FOUND:
    case LIBUSB_ERROR_IO:
      g_set_error (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_DISCONNECTED,
                   _("The printer %s stopped answering. Check that it is switched on and plugged "
                     "in, then print again."), description);
      break;
    case LIBUSB_ERROR_TIMEOUT:
      g_set_error (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_TIMEOUT,
                   _("The printer %s takes no data. Check that it has paper, that its cover is "
                     "closed and that no error light is on, then print again."), description);
      break;
    default:
      g_set_error (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_FAILED,
                   _("The printer %s failed (%s). Check that the printer is switched on and "
                     "plugged in, then print again."), description, libusb_strerror (rc));
      break;
    }
}

static void
set_not_found (GError  **error,
               guint16   vendor_id,
               guint16   product_id)
{
  if (vendor_id == 0)
    g_set_error_literal (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_NOT_FOUND,
                         _("No USB receipt printer was found. Check that the printer is switched on and "
                           "plugged in."));
  else if (product_id == 0)
    g_set_error (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_NOT_FOUND,
                 _("No USB printer of vendor %04x was found. Check that the printer is switched on and "
                   "plugged in, and its USB id (lsusb lists them)."), vendor_id);
  else
    g_set_error (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_NOT_FOUND,
                 _("No USB printer %04x:%04x was found. Check that the printer is switched on and "
                   "plugged in, and its USB id (lsusb lists them)."), vendor_id, product_id);
}

void
_comptoir_usb_printer_close (ComptoirUsbPrinter *usb)
{
  if (usb == NULL)
    return;
  if (usb->handle != NULL)
    {
      /* With auto-detach on, releasing gives the interface back to the
       * kernel driver it was taken from. */
      libusb_release_interface (usb->handle, usb->interface);
      libusb_close (usb->handle);
    }
  if (usb->context != NULL)
    libusb_exit (usb->context);
  g_free (usb);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ComptoirUsbPrinter, _comptoir_usb_printer_close)

ComptoirUsbPrinter *
_comptoir_usb_printer_open (guint16    vendor_id,
                            guint16    product_id,
                            char     **out_description,
                            GError   **error)
{
  g_autoptr (ComptoirUsbPrinter) usb = g_new0 (ComptoirUsbPrinter, 1);
  g_autofree char *description = NULL;
  libusb_device **list = NULL;
  libusb_device *chosen = NULL;
  ssize_t n;
  int alt_setting = 0;
  int rc;

  rc = libusb_init (&usb->context);
  if (rc != LIBUSB_SUCCESS)
    {
      usb->context = NULL;
      g_set_error (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_FAILED,
                   _("USB is not available on this computer (%s). Connect the printer through its "
                     "device node (/dev/usb/lp0) instead."), libusb_strerror (rc));
      return NULL;
    }

  n = libusb_get_device_list (usb->context, &list);
  for (ssize_t i = 0; i < n && chosen == NULL; i++)
    {
      struct libusb_device_descriptor desc;

      if (libusb_get_device_descriptor (list[i], &desc) != LIBUSB_SUCCESS)
        continue;
      if (vendor_id != 0 && (desc.idVendor != vendor_id || (product_id != 0 && desc.idProduct != product_id)))
        continue;
      if (find_interface (list[i], vendor_id != 0, &usb->interface, &alt_setting, &usb->endpoint))
        {
          chosen = list[i];
          description = g_strdup_printf ("USB %04x:%04x (bus %u, device %u)", desc.idVendor, desc.idProduct,
                                         libusb_get_bus_number (chosen), libusb_get_device_address (chosen));
          rc = libusb_open (chosen, &usb->handle);
        }
    }
  if (n > 0)
    libusb_free_device_list (list, TRUE);

  if (chosen == NULL)
    {
      set_not_found (error, vendor_id, product_id);
      return NULL;
    }
  if (rc != LIBUSB_SUCCESS)
    {
      usb->handle = NULL;
      set_usb_error (error, rc, description);
      return NULL;
    }

  /* usblp holds a printer as soon as it is plugged in; libusb takes it
   * for the time we print and gives it back on release. Not supported
   * (other systems) only means there is no kernel driver to move. */
  libusb_set_auto_detach_kernel_driver (usb->handle, 1);
  rc = libusb_claim_interface (usb->handle, usb->interface);
  if (rc != LIBUSB_SUCCESS)
    {
      libusb_close (usb->handle);
      usb->handle = NULL;
      set_usb_error (error, rc, description);
      return NULL;
    }
  if (alt_setting != 0)
    {
      rc = libusb_set_interface_alt_setting (usb->handle, usb->interface, alt_setting);
      if (rc != LIBUSB_SUCCESS)
        {
          set_usb_error (error, rc, description);
          return NULL;
        }
    }

  g_debug ("Printing on %s, interface %d, endpoint 0x%02x", description, usb->interface, usb->endpoint);
  *out_description = g_steal_pointer (&description);
  return g_steal_pointer (&usb);
}

gboolean
_comptoir_usb_printer_write (ComptoirUsbPrinter  *usb,
                             const guint8        *data,
                             gsize                length,
                             const char          *description,
                             GError             **error)
{
  gsize done = 0;
  gboolean cleared_halt = FALSE;

  while (done < length)
    {
      int chunk = (int) MIN (length - done, CHUNK_SIZE);
      int transferred = 0;
      int rc;

      rc = libusb_bulk_transfer (usb->handle, usb->endpoint, (unsigned char *) data + done, chunk,
                                 &transferred, TRANSFER_TIMEOUT_MS);
      done += (gsize) MAX (transferred, 0);

      /* A printer busy printing may take part of a chunk before the
       * timeout: what it took is sent, the rest goes again. */
      if (rc == LIBUSB_ERROR_TIMEOUT && transferred > 0)
        continue;
      /* A stalled endpoint is cleared once, as the USB printer class
       * expects after the printer recovers from an error. */
      if (rc == LIBUSB_ERROR_PIPE && !cleared_halt)
        {
          cleared_halt = TRUE;
          if (libusb_clear_halt (usb->handle, usb->endpoint) == LIBUSB_SUCCESS)
            continue;
        }
      if (rc != LIBUSB_SUCCESS)
        {
          set_usb_error (error, rc, description);
          return FALSE;
        }
    }
  return TRUE;
}
