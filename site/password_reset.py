"""Staff password reset that does not tell anyone which accounts exist.

Django's reset form looks the address up and, for a known one only, sends the email before the
page answers: the same "check your email" page either way, but a known address answers later by
the time an email server takes. Here the view only queues a task with the address typed, known or
not, and answers at once; the task (django-tasks, worked by `manage.py db_worker`) looks the
address up and sends the email if there is an account.
"""

from django.contrib.sites.shortcuts import get_current_site

from wagtail.admin.forms.auth import PasswordResetForm

from django_tasks import task


class QueuedPasswordResetForm(PasswordResetForm):
    """Wagtail's reset form, sending through send_password_reset (settings:
    WAGTAILADMIN_USER_PASSWORD_RESET_FORM)."""

    def save(
        self,
        domain_override=None,
        subject_template_name="registration/password_reset_subject.txt",
        email_template_name="registration/password_reset_email.html",
        use_https=False,
        token_generator=None,
        from_email=None,
        request=None,
        html_email_template_name=None,
        extra_email_context=None,
    ):
        site = get_current_site(request)
        send_password_reset.enqueue(
            email=self.cleaned_data["email"],
            domain=domain_override or site.domain,
            use_https=use_https,
            subject_template_name=subject_template_name,
            email_template_name=email_template_name,
            html_email_template_name=html_email_template_name,
            from_email=from_email,
        )


@task()
def send_password_reset(
    email,
    domain,
    use_https,
    subject_template_name,
    email_template_name,
    html_email_template_name,
    from_email,
):
    """Email a reset link to the accounts with this address, if there are any."""
    form = PasswordResetForm(data={"email": email})
    if form.is_valid():
        form.save(
            domain_override=domain,
            use_https=use_https,
            subject_template_name=subject_template_name,
            email_template_name=email_template_name,
            html_email_template_name=html_email_template_name,
            from_email=from_email,
        )
