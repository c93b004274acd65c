package dev.aiscan.connectors.source.internal.lang;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MarkerAnnotationExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.visitor.VoidVisitorAdapter;
import dev.aiscan.connectors.source.internal.FactWriter;
import dev.aiscan.core.model.Fact;
import dev.aiscan.core.model.FactType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks one parsed Java file and emits its type references, annotations, method calls, string
 * literals and {@code System.getenv} reads (imports are emitted by {@link JavaExtractor}).
 */
final class JavaFactVisitor extends VoidVisitorAdapter<Void> {
  /**
   * Call-chain text is not grown past this length (generated code can chain thousands of calls).
   */
  private static final int MAX_CONTEXT = 1000;

  /**
   * How many enclosing expressions ({@code "a" + b}, casts, parentheses) a literal is looked
   * through.
   */
  private static final int MAX_LITERAL_WALK = 64;

  private final FactWriter out;
  private final JavaImports imports;
  private final Set<String> typeParameters;
  private final Map<MethodCallExpr, Chain> chains = new IdentityHashMap<>();

  /** A call's chain text ({@code OpenAiChatModel.builder().modelName}) and its resolved root. */
  private record Chain(String context, String receiver) {}

  JavaFactVisitor(FactWriter out, JavaImports imports, Set<String> typeParameters) {
    this.out = out;
    this.imports = imports;
    this.typeParameters = typeParameters;
  }

  @Override
  public void visit(ClassOrInterfaceType n, Void arg) {
    String name = n.getNameWithScope();
    if (n.getScope().isPresent() || !typeParameters.contains(name)) {
      out.emit(FactType.TYPE_REFERENCE, imports.qualify(name), line(n));
    }
    // the scope is part of this name, not a type of its own
    n.getTypeArguments().ifPresent(args -> args.forEach(a -> a.accept(this, arg)));
    n.getAnnotations().forEach(a -> a.accept(this, arg));
  }

  @Override
  public void visit(MarkerAnnotationExpr n, Void arg) {
    annotation(n);
    super.visit(n, arg);
  }

  @Override
  public void visit(SingleMemberAnnotationExpr n, Void arg) {
    annotation(n);
    super.visit(n, arg);
  }

  @Override
  public void visit(NormalAnnotationExpr n, Void arg) {
    annotation(n);
    super.visit(n, arg);
  }

  private void annotation(AnnotationExpr n) {
    out.emit(FactType.ANNOTATION, imports.qualify(n.getNameAsString()), line(n));
  }

  @Override
  public void visit(MethodCallExpr n, Void arg) {
    Chain chain = chain(n);
    Map<String, String> attrs = new HashMap<>();
    attrs.put(Fact.Attr.CONTEXT, chain.context());
    if (chain.receiver() != null) {
      attrs.put(Fact.Attr.RECEIVER, chain.receiver());
    }
    // A call chain is one use: every call in it is reported at the line where the chain starts, so
    // that a builder spread over ten lines is one finding per rule, not ten.
    out.emit(FactType.CALL, n.getNameAsString(), line(chainStart(n)), attrs);
    n.getScope()
        .ifPresent(
            scope -> {
              String type = staticScopeType(scope);
              if (type != null) {
                out.emit(FactType.TYPE_REFERENCE, type, line(scope));
              }
            });
    if (n.getNameAsString().equals("getenv")
        && n.getArguments().size() == 1
        && n.getArguments().get(0) instanceof StringLiteralExpr name) {
      String scope = n.getScope().map(JavaFactVisitor::nameChain).orElse("System");
      if ("System".equals(scope) || "java.lang.System".equals(scope)) {
        out.emit(FactType.ENV_VAR, name.asString(), line(name), FactSink.CODE_ORIGIN);
      }
    }
    super.visit(n, arg);
  }

  @Override
  public void visit(StringLiteralExpr n, Void arg) {
    literal(n, unescaped(n));
  }

  @Override
  public void visit(TextBlockLiteralExpr n, Void arg) {
    String value;
    try {
      value = n.asString();
    } catch (RuntimeException e) {
      value = n.getValue();
    }
    literal(n, value);
  }

  private static String unescaped(StringLiteralExpr n) {
    try {
      return n.asString();
    } catch (RuntimeException e) {
      return n.getValue();
    }
  }

  /** Emits a literal with the call chain it is an argument of, or the name it initialises. */
  private void literal(Expression n, String value) {
    Node child = n;
    Node parent = n.getParentNode().orElse(null);
    for (int i = 0; i < MAX_LITERAL_WALK && passesValueThrough(parent, child); i++) {
      child = parent;
      parent = parent.getParentNode().orElse(null);
    }
    Map<String, String> attrs = Map.of();
    if (parent instanceof MethodCallExpr call && isArgument(call.getArguments(), child)) {
      attrs = Map.of(Fact.Attr.CONTEXT, chain(call).context());
    } else if (parent instanceof ObjectCreationExpr created
        && isArgument(created.getArguments(), child)) {
      attrs = Map.of(Fact.Attr.CONTEXT, "new " + created.getType().getNameWithScope());
    } else if (parent instanceof VariableDeclarator variable) {
      attrs = Map.of(Fact.Attr.KEY, variable.getNameAsString());
    } else if (parent instanceof AssignExpr assign && assign.getValue() == child) {
      Expression target = assign.getTarget();
      if (target instanceof NameExpr name) {
        attrs = Map.of(Fact.Attr.KEY, name.getNameAsString());
      } else if (target instanceof FieldAccessExpr field) {
        attrs = Map.of(Fact.Attr.KEY, field.getNameAsString());
      }
    } else if (parent instanceof MemberValuePair pair) {
      attrs = Map.of(Fact.Attr.KEY, pair.getNameAsString());
    }
    out.emit(FactType.STRING_LITERAL, value, line(n), attrs);
  }

  /** Expressions whose value is (partly) the literal: concatenation, parentheses, casts, arrays. */
  private static boolean passesValueThrough(Node parent, Node child) {
    return parent instanceof EnclosedExpr
        || parent instanceof CastExpr
        || parent instanceof ArrayInitializerExpr
        || parent instanceof ArrayCreationExpr
        || parent instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS
        || parent instanceof ConditionalExpr c && c.getCondition() != child;
  }

  private static boolean isArgument(List<Expression> arguments, Node child) {
    for (Expression a : arguments) {
      if (a == child) {
        return true;
      }
    }
    return false;
  }

  /**
   * The chain of {@code call}: walks down its scopes to the first call already known (or the root),
   * then builds the texts outward, remembering each call's, so a chain of n calls costs O(n).
   */
  private Chain chain(MethodCallExpr call) {
    Chain known = chains.get(call);
    if (known != null) {
      return known;
    }
    List<Expression> pending = new ArrayList<>();
    Expression e = call;
    String text = null;
    String receiver = null;
    while (true) {
      if (e instanceof MethodCallExpr m) {
        Chain c = chains.get(m);
        if (c != null) {
          text = c.context() + "()";
          receiver = c.receiver() != null ? c.receiver() : text;
          break;
        }
        pending.add(m);
        if (m.getScope().isEmpty()) {
          break;
        }
        e = m.getScope().get();
      } else if (e instanceof FieldAccessExpr f && nameChain(f) == null) {
        pending.add(f);
        e = f.getScope();
      } else {
        text = rootText(e);
        receiver = rootReceiver(e);
        break;
      }
    }
    for (int k = pending.size() - 1; k >= 0; k--) {
      Expression segment = pending.get(k);
      if (segment instanceof MethodCallExpr m) {
        String context = join(text, m.getNameAsString());
        chains.put(m, new Chain(context, receiver));
        text = context + "()";
        if (receiver == null) {
          receiver = text; // a call without scope roots the chain built on it: foo().bar()
        }
      } else {
        text = join(text, ((FieldAccessExpr) segment).getNameAsString());
      }
    }
    return chains.get(call);
  }

  private static String join(String text, String name) {
    if (text == null) {
      return name;
    }
    return text.length() > MAX_CONTEXT ? text : text + "." + name;
  }

  private static String rootText(Expression e) {
    String names = nameChain(e);
    if (names != null) {
      return names;
    }
    if (e instanceof ObjectCreationExpr created) {
      return "new " + created.getType().getNameWithScope() + "()";
    }
    if (e instanceof ClassExpr c) {
      return c.getType().asString() + ".class";
    }
    if (e instanceof StringLiteralExpr || e instanceof TextBlockLiteralExpr) {
      return "\"\""; // never the literal itself: it may be a secret
    }
    return "(…)";
  }

  private String rootReceiver(Expression e) {
    String names = nameChain(e);
    if (names != null) {
      return imports.qualify(names);
    }
    if (e instanceof ObjectCreationExpr created) {
      return imports.qualify(created.getType().getNameWithScope());
    }
    if (e instanceof ClassExpr c) {
      return imports.qualify(c.getType().asString());
    }
    return null;
  }

  /** {@code a.b.c} or {@code this.a} when {@code e} is only names, else null. */
  private static String nameChain(Expression e) {
    List<String> names = names(e);
    return names == null ? null : String.join(".", names);
  }

  private static List<String> names(Expression e) {
    List<String> names = new ArrayList<>();
    Expression cur = e;
    while (cur instanceof FieldAccessExpr f) {
      names.add(0, f.getNameAsString());
      cur = f.getScope();
    }
    if (cur instanceof NameExpr name) {
      names.add(0, name.getNameAsString());
    } else if (cur instanceof ThisExpr self && self.getTypeName().isEmpty()) {
      names.add(0, "this");
    } else {
      return null;
    }
    return names;
  }

  /**
   * The type a static call is made on: {@code OpenAiChatModel} in {@code OpenAiChatModel.builder()}
   * (qualified through the imports), {@code dev.x.Foo} in {@code dev.x.Foo.create()}; null for a
   * variable.
   */
  private String staticScopeType(Expression scope) {
    List<String> names = names(scope);
    if (names == null || names.get(0).equals("this")) {
      return null;
    }
    int k = 0;
    if (!imports.has(names.get(0))) {
      while (k < names.size() && Character.isLowerCase(names.get(k).charAt(0))) {
        k++;
      }
      if (k == names.size() || !looksLikeType(names.get(k))) {
        return null;
      }
    }
    int end = k + 1;
    while (end < names.size() && looksLikeType(names.get(end))) {
      end++;
    }
    return imports.qualify(String.join(".", names.subList(0, end)));
  }

  private static boolean looksLikeType(String name) {
    return Character.isUpperCase(name.charAt(0)) && name.chars().anyMatch(Character::isLowerCase);
  }

  /**
   * The innermost scope of a call chain: {@code OpenAiChatModel} in {@code
   * OpenAiChatModel.builder().build()}.
   */
  private static Expression chainStart(MethodCallExpr call) {
    Expression e = call;
    while (e instanceof MethodCallExpr m && m.getScope().isPresent()) {
      e = m.getScope().get();
    }
    return e;
  }

  private static int line(Node n) {
    return n.getBegin().map(p -> p.line).orElse(1);
  }
}
