export interface View {
  title: string;
  node: Node;
}
