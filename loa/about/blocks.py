"""StreamField blocks of the about pages: units and their leaders, duties, milestones, contacts."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from loa.core.blocks import BodyBlock


class LeaderBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("full name"), max_length=255)
    position = blocks.CharBlock(label=_("position"), max_length=255, help_text=_("E.g. Chairman, Deputy head."))
    photo = ImageChooserBlock(label=_("portrait"), required=False)
    phone = blocks.CharBlock(label=_("phone"), max_length=64, required=False)
    email = blocks.EmailBlock(label=_("email"), required=False)

    class Meta:
        icon = "user"
        label = _("Leader")


class _UnitFields(blocks.StructBlock):
    name = blocks.CharBlock(label=_("unit name"), max_length=255)
    description = blocks.TextBlock(label=_("description"), required=False)
    phone = blocks.CharBlock(label=_("phone"), max_length=64, required=False)
    email = blocks.EmailBlock(label=_("email"), required=False)
    leaders = blocks.ListBlock(LeaderBlock(), label=_("leaders"), default=[])


class SubUnitBlock(_UnitFields):
    class Meta:
        icon = "group"
        label = _("Unit")


class UnitBlock(_UnitFields):
    """A top-level group of the chart (the leadership, the specialised departments…) with units of its own."""

    units = blocks.ListBlock(SubUnitBlock(), label=_("units within"), default=[])

    class Meta:
        icon = "group"
        label = _("Unit")


class OrganisationBlock(blocks.StreamBlock):
    unit = UnitBlock()


class DutyGroupBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=255, help_text=_("E.g. In the economy, planning."))
    items = blocks.ListBlock(blocks.TextBlock(label=_("duty")), label=_("duties"))

    class Meta:
        icon = "list-ol"
        label = _("Group of duties")


class DutiesBlock(blocks.StreamBlock):
    group = DutyGroupBlock()


class MilestoneBlock(blocks.StructBlock):
    when = blocks.CharBlock(label=_("when"), max_length=64, help_text=_("A year or a date, e.g. 1831 or 19/1/2009."))
    title = blocks.CharBlock(label=_("title"), max_length=255)
    text = blocks.TextBlock(label=_("text"), required=False)

    class Meta:
        icon = "date"
        label = _("Milestone")


class MilestonesBlock(blocks.StreamBlock):
    milestone = MilestoneBlock()


class ContactPointBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name"), max_length=255, help_text=_("E.g. Hotline, One-stop desk."))
    phone = blocks.CharBlock(label=_("phone"), max_length=64, required=False)
    email = blocks.EmailBlock(label=_("email"), required=False)
    note = blocks.CharBlock(label=_("note"), max_length=500, required=False)

    class Meta:
        icon = "mail"
        label = _("Contact point")


class ContactPointsBlock(blocks.StreamBlock):
    contact = ContactPointBlock()


__all__ = ["BodyBlock", "ContactPointsBlock", "DutiesBlock", "MilestonesBlock", "OrganisationBlock"]
