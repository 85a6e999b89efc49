"""{% sensitive label %}...{% endsensitive %}: on a shared device (the tablet at the door) the enclosed details
stay folded in a <details> element until tapped, so that a parent at the door does not read them over a
shoulder; elsewhere they show as they are. No JavaScript: the browser folds and unfolds."""

from django import template
from django.utils.html import format_html

register = template.Library()


class SensitiveNode(template.Node):
    def __init__(self, label, nodelist):
        self.label = label
        self.nodelist = nodelist

    def render(self, context):
        # The enclosed template output is already escaped by the template engine; format_html keeps it as it is
        # and escapes the label.
        content = self.nodelist.render(context)
        if not context.get("shared_device"):
            return content
        return format_html(
            '<details class="sensitive"><summary>{}</summary>{}</details>', self.label.resolve(context), content
        )


@register.tag
def sensitive(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% sensitive label %} takes one argument: the text of the fold")
    nodelist = parser.parse(("endsensitive",))
    parser.delete_first_token()
    return SensitiveNode(parser.compile_filter(bits[1]), nodelist)
