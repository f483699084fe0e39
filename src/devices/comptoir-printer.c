/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-printer"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "comptoir-printer-private.h"

/* How long a printer may refuse data before we tell the cashier: enough
 * for a printer to finish a long receipt, short enough that nobody
 * thinks the till froze. */
#define WRITE_TIMEOUT_MS 10000

struct _ComptoirPrinter
{
  GObject             parent_instance;

  int                 fd;
  ComptoirUsbPrinter *usb;
  char               *description;
};

G_DEFINE_FINAL_TYPE (ComptoirPrinter, comptoir_printer, G_TYPE_OBJECT)

static void
comptoir_printer_finalize (GObject *object)
{
  ComptoirPrinter *self = COMPTOIR_PRINTER (object);

  comptoir_printer_close (self);
  g_free (self->description);

  G_OBJECT_CLASS (comptoir_printer_parent_class)->finalize (object);
}

static void
comptoir_printer_class_init (ComptoirPrinterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = comptoir_printer_finalize;
}

static void
comptoir_printer_init (ComptoirPrinter *self)
{
  self->fd = -1;
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
                   _("There is no printer at %s. Check that the printer is switched on and plugged in, "
                     "and that the device path (such as /dev/usb/lp0) is right."), path);
      break;
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_PERMISSION,
                   _("Comptoir may not write to the printer at %s. Add your user to the “lp” group "
                     "and log in again, or ask the person who installed the till."), path);
      break;
    case EBUSY:
      g_set_error (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_BUSY,
                   _("The printer at %s is used by another program. Close that program or remove the "
                     "printer from the print queues, then print again."), path);
      break;
    case ENXIO:
    case ENODEV:
      g_set_error (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_DISCONNECTED,
                   _("Nothing answers at %s. Check that the printer is switched on and plugged in."), path);
      break;
    default:
      g_set_error (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_FAILED,
                   _("Could not open the printer at %s (%s). Check that the printer is switched on and "
                     "plugged in."), path, g_strerror (errsv));
      break;
    }
}

ComptoirPrinter *
comptoir_printer_open_device (const char  *path,
                              GError     **error)
{
  g_autoptr (ComptoirPrinter) self = NULL;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  /* Non-blocking: a printer that is off must make an error, not a till
   * that hangs in open() or write(). */
  do
    fd = open (path, O_WRONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  while (fd < 0 && errno == EINTR);
  if (fd < 0)
    {
      set_open_error (error, errno, path);
      return NULL;
    }

  self = g_object_new (COMPTOIR_TYPE_PRINTER, NULL);
  self->fd = fd;
  self->description = g_strdup (path);
  return g_steal_pointer (&self);
}

ComptoirPrinter *
comptoir_printer_open_usb (guint16   vendor_id,
                           guint16   product_id,
                           GError  **error)
{
  g_autoptr (ComptoirPrinter) self = g_object_new (COMPTOIR_TYPE_PRINTER, NULL);

  self->usb = _comptoir_usb_printer_open (vendor_id, product_id, &self->description, error);
  if (self->usb == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

/* write() without dying of SIGPIPE when the other end of a pipe or
 * socket went away: the signal is held for this thread only and the
 * pending one is taken back, so EPIPE comes back as an error. */
static gssize
write_no_sigpipe (int          fd,
                  const guint8 *data,
                  gsize         length)
{
  sigset_t pipe_set, old_set;
  gssize n;
  int errsv;

  sigemptyset (&pipe_set);
  sigaddset (&pipe_set, SIGPIPE);
  pthread_sigmask (SIG_BLOCK, &pipe_set, &old_set);

  n = write (fd, data, length);
  errsv = errno;
  if (n < 0 && errsv == EPIPE)
    {
      const struct timespec no_wait = { 0, 0 };
      while (sigtimedwait (&pipe_set, NULL, &no_wait) < 0 && errno == EINTR)
        ;
    }

  pthread_sigmask (SIG_SETMASK, &old_set, NULL);
  errno = errsv;
  return n;
}

static gboolean
write_fd (ComptoirPrinter  *self,
          const guint8     *data,
          gsize             length,
          GError          **error)
{
  gsize done = 0;

  while (done < length)
    {
      struct pollfd pfd = { .fd = self->fd, .events = POLLOUT };
      gssize n;
      int rc;

      rc = poll (&pfd, 1, WRITE_TIMEOUT_MS);
      if (rc < 0 && errno == EINTR)
        continue;
      if (rc == 0)
        {
          g_set_error (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_TIMEOUT,
                       _("The printer at %s takes no data. Check that it has paper, that its cover is "
                         "closed and that no error light is on, then print again."), self->description);
          return FALSE;
        }

      n = write_no_sigpipe (self->fd, data + done, length - done);
      if (n < 0)
        {
          int errsv = errno;

          if (errsv == EINTR || errsv == EAGAIN)
            continue;
          if (errsv == EPIPE || errsv == ENODEV || errsv == EIO || errsv == ENXIO)
            g_set_error (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_DISCONNECTED,
                         _("The printer at %s stopped answering. Check that it is switched on and plugged "
                           "in, then print again."), self->description);
          else
            g_set_error (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_FAILED,
                         _("Could not send the receipt to the printer at %s (%s). Check that the printer is "
                           "switched on and plugged in, then print again."),
                         self->description, g_strerror (errsv));
          return FALSE;
        }
      done += (gsize) n;
    }
  return TRUE;
}

gboolean
comptoir_printer_write (ComptoirPrinter  *self,
                        GBytes           *bytes,
                        GError          **error)
{
  gsize length;
  const guint8 *data;

  g_return_val_if_fail (COMPTOIR_IS_PRINTER (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &length);
  if (self->fd >= 0)
    return write_fd (self, data, length, error);
  if (self->usb != NULL)
    return _comptoir_usb_printer_write (self->usb, data, length, self->description, error);

  g_set_error_literal (error, COMPTOIR_DEVICE_ERROR, COMPTOIR_DEVICE_ERROR_INVALID,
                       _("The printer was closed. Open it again to print."));
  return FALSE;
}

void
comptoir_printer_close (ComptoirPrinter *self)
{
  g_return_if_fail (COMPTOIR_IS_PRINTER (self));

  if (self->fd >= 0)
    {
      /* The kernel's printer driver sends what it buffered on close. */
      close (self->fd);
      self->fd = -1;
    }
  g_clear_pointer (&self->usb, _comptoir_usb_printer_close);
}

const char *
comptoir_printer_get_description (ComptoirPrinter *self)
{
  g_return_val_if_fail (COMPTOIR_IS_PRINTER (self), NULL);

  return self->description;
}

static gboolean
parse_hex16 (const char *text,
             guint16    *out)
{
  guint64 value;

  if (strlen (text) != 4 || !g_ascii_string_to_unsigned (text, 16, 0, G_MAXUINT16, &value, NULL))
    return FALSE;
  *out = (guint16) value;
  return TRUE;
}

gboolean
comptoir_usb_id_parse (const char *text,
                       guint16    *out_vendor_id,
                       guint16    *out_product_id)
{
  g_auto (GStrv) parts = NULL;
  guint16 vendor = 0, product = 0;

  if (text == NULL)
    return FALSE;
  parts = g_strsplit (text, ":", 3);
  if (parts[0] == NULL || !parse_hex16 (parts[0], &vendor) || vendor == 0)
    return FALSE;
  if (parts[1] != NULL && (parts[2] != NULL || !parse_hex16 (parts[1], &product)))
    return FALSE;

  *out_vendor_id = vendor;
  *out_product_id = product;
  return TRUE;
}
