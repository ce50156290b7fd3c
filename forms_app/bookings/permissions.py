DESK_PERMISSION = "bookings.work_reception_desk"


def can_work_desk(user):
    """Reception staff (the Customer services group) run the desk and read its report."""
    return user.is_active and user.has_perm(DESK_PERMISSION)
