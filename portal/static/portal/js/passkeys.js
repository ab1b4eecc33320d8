// The passkeys page: once the browser and the server agree on a new passkey, show the list
// again with it (django-otp-webauthn's script announces the result with this event).
document.addEventListener("otp_webauthn.register_complete", () => {
  window.location.reload();
});
