package io.parley.server.doctor;

/** Explains one vendor's credentials: decodes one, lists the checks a login makes with their outcome, gives the fix. */
public interface VendorDoctor {
  Diagnosis examine(DoctorCase c);
}
